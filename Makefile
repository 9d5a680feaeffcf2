# The two commands a new user needs: `make verify` and `make test`.
MVN ?= mvn -B
JAR := checker/target/checker.jar

.PHONY: all build verify test clean help

all: verify

help:
	@echo "make verify  build, then check every default scenario against the 'core' invariant set"
	@echo "make test    run the test suite (unit, invariant/mutation, replay, CLI)"
	@echo "make build   build the runnable jar ($(JAR)); bin/checker runs it"
	@echo "make clean   remove build output and traces/out"

build:
	$(MVN) -q -DskipTests install

verify: build
	bin/checker verify

test:
	$(MVN) test

clean:
	$(MVN) -q clean
	rm -rf traces/out
