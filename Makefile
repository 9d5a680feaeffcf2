# The two commands a new user needs: `make verify` and `make test`.
MVN ?= mvn -B
JAR := checker/target/checker.jar

.PHONY: all build verify test gate clean help corpus bench ptrace-tests

all: verify

help:
	@echo "make verify  build, then check every default scenario against the 'core' invariant set"
	@echo "make test    run the test suite (unit, invariant/mutation, replay, CLI)"
	@echo "make gate    the bug matrix: every patch's race, with and without the patch (CI gate)"
	@echo "make build   build the runnable jar ($(JAR)); bin/checker runs it"
	@echo "make clean   remove build output and traces/out"
	@echo "make bench   speed and scale figures of the native engine (checker bench; takes minutes)"
	@echo "make corpus  rewrite the golden traces in traces/corpus from the current model (after an intended model change)"
	@echo "make ptrace-tests  build, then check the ptrace-tests scenarios (model/scenarios/ptrace-tests.list) with the 'ptrace-tests' set"

build:
	$(MVN) -q -Dmaven.test.skip=true install

verify: build
	bin/checker verify

test:
	$(MVN) test

gate: build
	bin/checker gate

# The kernel's ptrace regression suite as scenarios (docs/ptrace-tests.md).
PTRACE_TESTS := $(shell sed 's/\#.*//' model/scenarios/ptrace-tests.list)

ptrace-tests: build
	bin/checker verify --invariants ptrace-tests $(addprefix --scenario ,$(PTRACE_TESTS))

bench: build
	bin/checker bench

corpus: build
	bin/checker corpus --update

clean:
	$(MVN) -q clean
	rm -rf traces/out
