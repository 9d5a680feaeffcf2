package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioParserTest {
    /** The scenario files in model/scenarios/ (the test runs in the model module's directory). */
    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            List<Path> l = new ArrayList<>(s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList());
            assertFalse(l.isEmpty(), "no scenario files found in " + Path.of("scenarios").toAbsolutePath());
            return l.stream();
        }
    }

    static List<String> shippedNames() {
        return Scenarios.shippedNames();
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioFileParsesAndIsNamedLikeItsFile(Path p) throws Exception {
        Scenario s = ScenarioParser.parseFile(p);
        String file = p.getFileName().toString();
        assertEquals(file.substring(0, file.length() - ".scenario".length()), s.name());
        assertFalse(s.engines().isEmpty() && s.ptrace().isEmpty(), "an engine, or a ptrace tracer");
        assertFalse(s.description().isBlank(), "every shipped scenario says what it is about");
        assertEquals(s.engines().size(), s.owners().size());
        new Model(s, ModelConfig.fullSeries()).initial(); // and it builds
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioFileLoadsByItsName(Path p) throws Exception {
        String file = p.getFileName().toString();
        String name = file.substring(0, file.length() - ".scenario".length());
        assertEquals(name, Scenarios.load(name).name(), "a shipped file must be reachable by name (default.list or findings.list)");
    }

    @ParameterizedTest
    @MethodSource("shippedNames")
    void everyShippedNameLoads(String name) throws Exception {
        Scenario s = Scenarios.load(name);
        assertEquals(name, s.name());
        assertTrue(Files.isRegularFile(Path.of("scenarios", name + ".scenario")));
    }

    @Test
    void defaultListNamesOnlyExistingScenarios() {
        assertTrue(shippedNames().size() >= 13);
        assertEquals(shippedNames().size(), shippedNames().stream().distinct().count());
    }

    @Test
    void parsesTheDocumentedExample() throws Exception {
        Scenario s = ScenarioParser.parse("x", String.join("\n",
            "scenario detach-races-death   # a comment",
            "description The owner detaches while the tracee dies.",
            "",
            "engine E1 preattached events=QUIESCE|DEATH|REAP",
            "engine E2 events=SYSCALL,SIGNAL_ALL",
            "callback E1 death=RESUME quiesce=STOP+IGN signal=RESUME+control:DETACH",
            "tracee syscall exit",
            "owner E1 control DETACH; put",
            "owner E2 attach; set_events DEATH_EVENTS; barrier; examine; wait_stopped",
            "killer SIGKILL kill",
            "parent wait"));
        assertEquals("detach-races-death", s.name());
        assertEquals("The owner detaches while the tracee dies.", s.description());
        assertEquals(2, s.engines().size());
        EngineSpec e1 = s.engines().get(0), e2 = s.engines().get(1);
        assertTrue(e1.preattached());
        assertEquals(Events.QUIESCE | Events.DEATH | Events.REAP, e1.events());
        assertFalse(e2.preattached());
        assertEquals(Events.SYSCALL | Events.SIGNAL_ALL, e2.events());
        assertEquals(Actions.STOP, e1.callback(Events.QUIESCE).action());
        assertTrue(e1.callback(Events.QUIESCE).ignoreSignal());
        assertEquals(new CallbackSpec.SelfCall(CallbackSpec.SelfCallKind.CONTROL, Actions.DETACH),
            e1.callback(Events.SIGNAL).selfCall());
        assertEquals(CallbackSpec.RESUME, e1.callback(Events.EXEC), "unspecified callbacks resume");
        assertEquals(List.of(TraceeOp.SYSCALL, TraceeOp.EXIT), s.tracee());
        assertEquals(List.of(new OwnerOp(OwnerOp.Kind.CONTROL, Actions.DETACH), new OwnerOp(OwnerOp.Kind.PUT, 0)), s.owners().get(0));
        assertEquals(List.of(new OwnerOp(OwnerOp.Kind.ATTACH, 0), new OwnerOp(OwnerOp.Kind.SET_EVENTS, Events.DEATH_EVENTS),
            new OwnerOp(OwnerOp.Kind.BARRIER, 0), new OwnerOp(OwnerOp.Kind.EXAMINE, 0),
            new OwnerOp(OwnerOp.Kind.WAIT_STOPPED, 0)), s.owners().get(1));
        assertEquals(List.of(Signals.SIGKILL, Signals.SIGKILL), s.killer());
        assertTrue(s.parent());
    }

    /** An owner's call may wait for another actor ("control DETACH after killer:1"), as ptrace requests and signals may. */
    @Test
    void ownerCallsTakeAnOrderingGuard() throws ScenarioFormatException {
        Scenario s = ScenarioParser.parse("my.scenario", "scenario x\nengine E1 preattached events=QUIESCE\ntracee syscall\n"
            + "killer SIGUSR1 after tracee:traced\nowner E1 wait_stopped; control DETACH after killer:1; put after tracee:zombie\n");
        List<OwnerOp> ops = s.owners().get(0);
        assertEquals(new OwnerOp(OwnerOp.Kind.WAIT_STOPPED, 0), ops.get(0));
        assertEquals(new OwnerOp(OwnerOp.Kind.CONTROL, Actions.DETACH, Guard.after("killer", 1)), ops.get(1));
        assertEquals(new OwnerOp(OwnerOp.Kind.PUT, 0, Guard.tracee(Guard.TraceeState.ZOMBIE)), ops.get(2));
        assertEquals("control DETACH after killer:1", ops.get(1).text());
        assertEquals("control DETACH", ops.get(1).toString(), "traces print the API call without its guard");
    }

    @Test
    void ownerGuardErrors() {
        String head = "scenario x\nengine E1 preattached events=QUIESCE\ntracee syscall\n";
        assertError(head + "owner E1 control DETACH after killer:1\n", 4, "'after killer:K' but the scenario has no 'killer' line");
        assertError(head + "killer SIGKILL\nowner E1 control DETACH after killer:2\n", 5, "the killer sends only 1 signals");
        assertError(head + "owner E1 control DETACH after ptrace:1\n", 4, "no 'ptrace' line");
        assertError(head + "owner E1 control after tracee:stopped DETACH\n", 4, "one guard, last");
        assertError(head + "owner E1 after tracee:stopped\n", 4, "expected a call before 'after'");
        assertError(head + "owner E1 control DETACH after owner:1\n", 4, "expected 'after ACTOR:K'");
    }

    // ---- errors: file:line and what was expected

    private static ScenarioFormatException fails(String text) {
        return assertThrows(ScenarioFormatException.class, () -> ScenarioParser.parse("my.scenario", text));
    }

    private static void assertError(String text, int line, String... fragments) {
        ScenarioFormatException e = fails(text);
        assertEquals("my.scenario", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("my.scenario:" + line + ": "), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
    }

    /** A tracer that passed exit_ptrace() is gone: a request after its 'exit' is a scenario error (the fuzzer met one). */
    @Test
    void nothingFollowsTheTracersExit() {
        assertError("scenario x\ntracee\nptrace exit; attach\nparent ptrace\n", 3, "nothing can follow 'exit' in the tracer's requests");
    }

    @Test
    void unknownKeyword() {
        assertError("scenario x\n# comment\nengnie E1\n", 3, "unknown keyword 'engnie'", "expected one of", "engine");
    }

    @Test
    void unknownEngine() {
        assertError("scenario x\nengine E1\ncallback E2 quiesce=STOP\ntracee\n", 3, "unknown engine 'E2'", "known: E1");
        assertError("scenario x\nengine E1\ntracee\nowner E9 put\n", 4, "unknown engine 'E9'");
    }

    @Test
    void unknownEvent() {
        assertError("scenario x\nengine E1 events=QUIESCE|BOGUS\n", 2, "unknown event 'BOGUS'", "expected one of", "QUIESCE");
        assertError("scenario x\nengine E1\ntracee\nowner E1 set_events EXEC|NOPE\n", 4, "unknown event 'NOPE'");
        assertError("scenario x\nengine E1\ncallback E1 quiesce=STOP+set_events:FOO\n", 3, "unknown event 'FOO'");
    }

    @Test
    void unknownCallbackEvent() {
        assertError("scenario x\nengine E1\ncallback E1 exec=STOP\n", 3, "expected event=ACTION", "quiesce", "'exec=STOP'");
    }

    @Test
    void unknownAction() {
        assertError("scenario x\nengine E1\ntracee\nowner E1 control FLY\n", 4, "unknown action 'FLY'", "STOP, INTERRUPT");
        assertError("scenario x\nengine E1\ncallback E1 quiesce=HALT\n", 3, "unknown action 'HALT'", "expected one of");
        assertError("scenario x\nengine E1\ncallback E1 quiesce=STOP+control:FLY\n", 3, "unknown action in 'control:FLY'");
    }

    @Test
    void unknownOwnerCall() {
        assertError("scenario x\nengine E1\ntracee\nowner E1 attach; fly\n", 4, "unknown engine call 'fly'", "attach, set_events");
        assertError("scenario x\nengine E1\ntracee\nowner E1 put now\n", 4, "'put' takes no argument");
    }

    @Test
    void missingTraceeLine() {
        assertError("scenario x\nengine E1\n\nowner E1 put\n# trailing comment\n", 4, "missing 'tracee ...' line");
    }

    @Test
    void missingScenarioLineAndEngine() {
        assertError("engine E1\ntracee\n", 1, "missing 'scenario NAME' line");
        assertError("scenario x\ntracee exit\n", 2, "at least one 'engine");
    }

    @Test
    void exitMustBeLast() {
        assertError("scenario x\nengine E1\ntracee syscall exit syscall\n", 3, "nothing can follow 'exit'");
        assertError("scenario x\nengine E1\ntracee exit exit\n", 3, "nothing can follow 'exit'");
        assertError("scenario x\nengine E1\ntracee sleep\n", 3, "unknown tracee step 'sleep'", "syscall, traceme, read, pause, raise SIG, kill SIG, block SIG, unblock SIG or exit [CODE]");
        assertError("scenario x\nengine E1\ntracee\ntracee exit\n", 4, "a second 'tracee' line");
    }

    @Test
    void sleepingCallsAndTheirGuard() throws Exception {
        Scenario s = ScenarioParser.parse("t", "scenario x\nengine E1\ntracee read pause exit\nkiller SIGALRM after tracee:sleeping\n");
        assertEquals(java.util.List.of(new TraceeOp(TraceeOp.Kind.READ, 0), new TraceeOp(TraceeOp.Kind.PAUSE, 0), TraceeOp.EXIT),
            s.tracee());
        assertEquals("read()", s.tracee().get(0).label());
        assertEquals("pause", s.tracee().get(1).text());
        assertTrue(s.tracee().get(0).sleeps() && s.tracee().get(0).hasBody());
        assertEquals(Guard.tracee(Guard.TraceeState.SLEEPING), s.killerItems().get(0).guard());
        assertEquals(Signals.SIGALRM, s.killerItems().get(0).signal());
        // alarm()'s signal is the timer's: the tracee's own ops keep a signal in 10 bits
        assertError("scenario x\nengine E1\ntracee raise SIGALRM\n", 3, "cannot raise SIGALRM");
        assertError("scenario x\nengine E1\ntracee block SIGALRM\n", 3, "SIGALRM cannot be blocked");
        assertError("scenario x\nengine E1\ntracee read\nkiller SIGUSR1 after tracee:asleep\n", 4, "tracee:stopped|traced|zombie|sleeping");
    }

    @Test
    void sigprocmaskSteps() throws Exception {
        Scenario s = ScenarioParser.parse("t", "scenario x\nengine E1\ntracee block SIGUSR1 unblock usr1 exit\n");
        assertEquals(java.util.List.of(new TraceeOp(TraceeOp.Kind.BLOCK, Signals.SIGUSR1),
            new TraceeOp(TraceeOp.Kind.UNBLOCK, Signals.SIGUSR1), TraceeOp.EXIT), s.tracee());
        assertEquals("sigprocmask(SIG_BLOCK, SIGUSR1)", s.tracee().get(0).label());
        assertEquals("unblock SIGUSR1", s.tracee().get(1).text());
        assertError("scenario x\nengine E1\ntracee block\n", 3, "expected a signal after 'block'");
        assertError("scenario x\nengine E1\ntracee unblock SIGFOO\n", 3, "expected a signal after 'unblock'");
        assertError("scenario x\nengine E1\ntracee block SIGKILL\n", 3, "SIGKILL cannot be blocked");
        assertError("scenario x\nengine E1\ntracee block SIGSTOP\n", 3, "SIGSTOP cannot be blocked");
        assertError("scenario x\nengine E1\ntracee block SIGTRAP\n", 3, "SIGTRAP cannot be blocked here", "force_sig_info");
    }

    @Test
    void duplicateEngine() {
        assertError("scenario x\nengine E1\nengine E2\nengine E1 preattached\n", 4, "engine 'E1' is declared twice");
    }

    @Test
    void tooManyEngines() {
        StringBuilder b = new StringBuilder("scenario x\n");
        for (int i = 1; i <= ScenarioParser.MAX_ENGINES; i++) b.append("engine E").append(i).append('\n');
        assertDoesNotThrow(() -> ScenarioParser.parse("ok", b + "tracee\n"));
        b.append("engine E9\n");
        assertError(b.toString(), ScenarioParser.MAX_ENGINES + 2, "at most " + ScenarioParser.MAX_ENGINES + " engines");
    }

    @Test
    void unknownSignal() {
        assertError("scenario x\nengine E1\ntracee\nkiller SIGKILL SIGHUP\n", 4, "unknown signal 'SIGHUP'", "SIGKILL, SIGSTOP, SIGCONT, SIGUSR1, SIGTRAP, SIGINT, SIGQUIT, SIGUSR2, SIGPIPE, SIGTERM");
        assertError("scenario x\nengine E1\ntracee\nkiller\n", 4, "expected 'killer SIGNAL...'");
    }

    @Test
    void badParentAndEngineWords() {
        assertError("scenario x\nengine E1\ntracee\nparent reap\n", 4, "expected 'parent wait' or 'parent ptrace [sigchld=ignore]'");
        assertError("scenario x\nengine E1 attached\n", 2, "unexpected 'attached'", "'preattached' or 'events=EV|EV...'");
    }

    /** 'parent wait -> RESULT|...': what the real parent's wait() returns, as the tracer's waits state theirs. */
    @Test
    void parentWaitStatesItsResult() throws Exception {
        Scenario s = ScenarioParser.parse("x", "scenario x\nengine E1\ntracee exit 42\nparent wait -> exited 42|killed SIGKILL|blocks   # note\n");
        assertTrue(s.parent());
        assertEquals(List.of(WaitResult.exited(42), WaitResult.killed(Signals.SIGKILL), WaitResult.BLOCKS), s.parentExpect());
        assertEquals(List.of(), ScenarioParser.parse("x", "scenario x\nengine E1\ntracee\nparent wait\n").parentExpect(),
            "nothing stated: any result");
        Scenario one = ScenarioParser.parse("x", "scenario x\nengine E1\ntracee exit 3\nparent wait->exited 3\n");
        assertEquals(List.of(WaitResult.exited(3)), one.parentExpect());
        Model m = new Model(s, ModelConfig.fullSeries());
        assertEquals(s.parentExpect(), m.waitExpectation(Obs.WAITER_PARENT, 0), "what wait-report-correct reads for the parent");
    }

    @Test
    void parentWaitRefusesWhatItCannotReport() {
        // no WUNTRACED: a stop is not reported to the real parent; no WNOHANG: never 'nothing'
        assertError("scenario x\nengine E1\ntracee\nparent wait -> stopped SIGSTOP\n", 4,
            "expected the parent's wait result after '->' (exited CODE, killed SIG or blocks", "got 'stopped SIGSTOP'");
        assertError("scenario x\nengine E1\ntracee\nparent wait -> nothing\n", 4, "got 'nothing'");
        assertError("scenario x\nengine E1\ntracee\nparent wait -> echild\n", 4, "got 'echild'");
        assertError("scenario x\nengine E1\ntracee\nparent wait -> exited\n", 4, "got 'exited'");
        assertError("scenario x\nengine E1\ntracee\nparent wait -> exited 42|\n", 4, "got ''");
        assertError("scenario x\ntracee\nptrace attach\nparent ptrace -> exited 0\n", 4, "only 'parent wait' states a result");
    }

    /** The review's parser leniencies (TEAM.md news 11): each is refused now, naming what is wrong. */
    @Test
    void emptyCallsASecondParentLowerCaseEventsAndTwoWordNamesAreRefused() {
        assertError("scenario x\nengine E1 preattached\ntracee\nowner E1 ;; control DETACH ;\n", 4, "an empty call in 'owner E1");
        assertError("scenario x\nengine E1 preattached\ntracee\nowner E1 control DETACH;\n", 4, "an empty call");
        assertError("scenario x\nengine E1\ntracee\nptrace attach;; wait\n", 4, "an empty request in 'ptrace");
        assertError("scenario x\nengine E1\ntracee\nparent wait\nparent wait\n", 5, "a second 'parent' line");
        assertError("scenario x\nengine E1 preattached events=quiesce|death\ntracee\n", 2, "events are written in capitals ('QUIESCE')");
        assertError("scenario two words\nengine E1\ntracee\n", 1, "one word, got 'two words'");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parsePatches("upto:99"));
        assertTrue(e.getMessage().contains("the series has 33 patches"), e.getMessage());
    }

    @Test
    void parseFileOfAMissingFileSaysSo() {
        IOException e = assertThrows(IOException.class, () -> ScenarioParser.parseFile(Path.of("no/such/file.scenario")));
        assertTrue(e.getMessage().contains("no/such/file.scenario"), e.getMessage());
    }

    @Test
    void parseFileErrorsNameThePath(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path p = dir.resolve("bad.scenario");
        Files.writeString(p, "scenario bad\nengine E1\ntracee\nkiller SIGFOO\n");
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioParser.parseFile(p));
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().startsWith(p + ":4: "), e.getMessage());
    }

    @Test
    void loadingAnUnknownNameSaysWhereTheKnownOnesAre() {
        Scenarios.UnknownScenarioException e = assertThrows(Scenarios.UnknownScenarioException.class,
            () -> Scenarios.load("no-such-scenario"));
        assertTrue(e.getMessage().contains("'no-such-scenario'"), e.getMessage());
        assertTrue(e.getMessage().contains("`checker list scenarios` lists the"), e.getMessage());
        Scenarios.UnknownScenarioException typo = assertThrows(Scenarios.UnknownScenarioException.class,
            () -> Scenarios.load("stop-then-resme"));
        assertTrue(typo.getMessage().contains("did you mean 'stop-then-resume'?"), typo.getMessage());
        Scenarios.UnknownScenarioException path = assertThrows(Scenarios.UnknownScenarioException.class,
            () -> Scenarios.load("no/such.scenario"));
        assertTrue(path.getMessage().startsWith("no such scenario file: no/such.scenario"), path.getMessage());
    }

    @Test
    void loadAcceptsAPath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path p = dir.resolve("mine.scenario");
        Files.writeString(p, "scenario mine\nengine E1 preattached events=QUIESCE\ntracee syscall\n");
        assertEquals("mine", Scenarios.load(p.toString()).name());
    }

    /** 'checks': the invariants a scenario names beyond core, kept in order; the checker resolves the names. */
    @Test
    void aChecksLineListsInvariantNamesInOrder() throws Exception {
        String base = "scenario c\nengine E1 events=QUIESCE\ntracee syscall exit\nowner E1 attach\n";
        assertEquals(List.of(), ScenarioParser.parse("t", base).checks());
        assertEquals(List.of("ptrace-step-kept", "wait-report-correct", "signal-delivered"),
            ScenarioParser.parse("t", base + "checks ptrace-step-kept,wait-report-correct signal-delivered\n").checks());
        for (String bad : new String[] {"checks\n", "checks Ptrace_Step\n", "checks a,a\n"}) {
            ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioParser.parse("t", base + bad), bad);
            assertTrue(e.getMessage().startsWith("t:5: "), e.getMessage());
        }
    }
}
