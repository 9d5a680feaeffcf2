# The two commands a new user needs: `make verify` and `make test`.
MVN ?= mvn -B
JAR := checker/target/checker.jar

.PHONY: all build verify test gate clean help corpus bench

all: verify

help:
	@echo "make verify  build, then check every default scenario against the 'core' invariant set"
	@echo "make test    run the test suite (unit, invariant/mutation, replay, CLI)"
	@echo "make gate    the bug matrix: every patch's race, with and without the patch (CI gate)"
	@echo "make build   build the runnable jar ($(JAR)); bin/checker runs it"
	@echo "make clean   remove build output and traces/out"
	@echo "make bench   speed and scale figures of the native engine (checker bench; takes minutes)"
	@echo "make corpus  rewrite the golden traces in traces/corpus from the current model (after an intended model change)"

build:
	$(MVN) -q -Dmaven.test.skip=true install

verify: build
	bin/checker verify

test:
	$(MVN) test

gate: build
	bin/checker gate

bench: build
	bin/checker bench

corpus: build
	bin/checker corpus --update

clean:
	$(MVN) -q clean
	rm -rf traces/out
