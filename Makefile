# The two commands a new user needs: `make verify` and `make test`.
MVN ?= mvn -B
JAR := checker/target/checker.jar
# The class-data-sharing archive bin/checker starts with (JVM start-up about halved); made from the jar.
JSA := checker/target/checker.jsa

# What the jar is built from: every main source and resource, the shipped scenarios, invariant sets and
# bug matrix, and the poms. The jar is rebuilt only when one of them is newer, so `make verify` on an
# unchanged tree runs the check at once (a rebuild is 20-40 s of Maven).
SOURCES := $(shell find model invariants traces checker -name target -prune -o -type f \( -path '*/src/main/*' \
             -o -path 'model/scenarios/*' -o -path 'invariants/sets/*' -o -path 'checker/gate/*' \) -print 2>/dev/null) \
           pom.xml $(wildcard */pom.xml)

.PHONY: all build verify test gate clean help corpus bench ptrace-tests pit

all: verify

help:
	@echo "make verify  build (only if a source changed), then check every default scenario against 'core' plus its 'checks' line"
	@echo "make test    run the test suite (unit, invariant/mutation, replay, CLI)"
	@echo "make gate    the bug matrix: every patch's race, with and without the patch (CI gate)"
	@echo "make build   build the runnable jar ($(JAR)) and its class-data-sharing archive if a source changed; bin/checker runs it"
	@echo "make clean   remove build output and traces/out"
	@echo "make bench   speed and scale figures of the native engine (checker bench; takes minutes)"
	@echo "make corpus  rewrite the golden traces in traces/corpus from the current model (after an intended model change)"
	@echo "make ptrace-tests  build, then check the ptrace-tests scenarios (model/scenarios/ptrace-tests.list) with the 'ptrace-tests' set"
	@echo "make pit     PIT mutation testing of model classes (PIT_CLASSES, default $(PIT_CLASSES)): which edits no invariant notices; takes minutes to hours"

build: $(JAR) $(JSA)

$(JAR): $(SOURCES)
	$(MVN) -q -Dmaven.test.skip=true install
	@touch $@

# The classes a small verify loads, archived at its exit. A failure here costs start-up time only: bin/checker
# runs without the archive, so it never fails the build.
$(JSA): $(JAR)
	@rm -f $@
	@CHECKER_CDS_DUMP=$@ bin/checker verify -q --scenario stop-then-resume --trace-dir checker/target/cds-run >/dev/null 2>&1 \
	  || { echo "note: no class-data-sharing archive; bin/checker starts without it"; rm -f $@; touch $@; }
	@rm -rf checker/target/cds-run

verify: $(JAR) $(JSA)
	bin/checker verify

test:
	$(MVN) test

gate: $(JAR) $(JSA)
	bin/checker gate

# The kernel's ptrace regression suite as scenarios (docs/ptrace-tests.md).
PTRACE_TESTS := $(shell sed 's/\#.*//' model/scenarios/ptrace-tests.list)

ptrace-tests: $(JAR) $(JSA)
	bin/checker verify --invariants ptrace-tests $(addprefix --scenario ,$(PTRACE_TESTS))

bench: $(JAR) $(JSA)
	bin/checker bench

# PIT mutation testing of the model (docs/invariants.md, "Mutation testing of the model"): each mutant of
# PIT_CLASSES (PIT's glob) must change some listed scenario's verdict under every invariant, else it survives:
# an edit of the kernel's code no invariant notices (or an equivalent one). PIT comes from Maven Central through
# the checker module's 'pit' profile; the baseline is written from the unmutated model first.
PIT_CLASSES ?= utrace.model.TraceeSyscall
PIT_THREADS ?= 2
PIT_DIR := checker/target/pit
# absolute paths: PIT finds the code to mutate by matching --mutableCodePaths against classpath entries
PIT_CP = $(CURDIR)/checker/target/test-classes:$(CURDIR)/checker/target/classes:$(CURDIR)/model/target/classes:$\
  $(CURDIR)/invariants/target/classes:$(CURDIR)/traces/target/classes:$$(cat $(PIT_DIR)/classpath)

pit: $(JAR)
	$(MVN) -q test-compile
	@mkdir -p $(PIT_DIR)
	$(MVN) -q -Ppit -pl checker dependency:build-classpath -Dmdep.outputFile=$(CURDIR)/$(PIT_DIR)/classpath -Dmdep.includeScope=test
	java -cp "$(PIT_CP)" utrace.checker.pit.VerdictKiller $(PIT_DIR)/verdicts.tsv
	java -cp "$(PIT_CP)" org.pitest.mutationtest.commandline.MutationCoverageReport \
	  --reportDir $(PIT_DIR)/report --timestampedReports=false --outputFormats HTML,CSV \
	  --targetClasses '$(PIT_CLASSES)' --targetTests utrace.checker.pit.VerdictKiller \
	  --mutableCodePaths $(CURDIR)/model/target/classes --sourceDirs model/src/main/java \
	  --threads $(PIT_THREADS) --timeoutConst 20000 --jvmArgs -Dpit.baseline=$(CURDIR)/$(PIT_DIR)/verdicts.tsv
	@echo "PIT report: $(PIT_DIR)/report/index.html; one line per mutant: $(PIT_DIR)/report/mutations.csv"

corpus: $(JAR) $(JSA)
	bin/checker corpus --update

clean:
	$(MVN) -q clean
	rm -rf traces/out
