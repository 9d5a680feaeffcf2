package utrace.checker.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.Limits;
import utrace.invariants.Invariants;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.ScenarioParser;
import utrace.model.Scenarios;
import utrace.traces.Trace;

/**
 * The known-finding filter: every violation of every shipped finding scenario (findings.list, under every
 * invariant, searched on as `verify --continue` does) is a known finding, and the one findings.md lists the
 * scenario under is among them; a guard that never holds is a scenario problem in either message shape; and
 * the same invariant broken by another mechanism (a seeded bug) is new.
 */
class KnownFindingsTest {
    static final Limits LIMITS = new Limits(2_000_000, 0);

    /** Per shipped finding scenario, the finding docs/findings.md's table lists it under. */
    static final Map<String, Integer> LISTED = new TreeMap<>(Map.ofEntries(
        Map.entry("resume-before-stop", 1), Map.entry("resume-after-barrier", 1), Map.entry("exit-stop-then-resume", 1),
        Map.entry("detach-after-quiesce-stop", 1), Map.entry("ptrace-step-vs-utrace-stop", 2),
        Map.entry("zombie-set-events-then-reap", 4), Map.entry("sigcont-during-signal-report", 5),
        Map.entry("ptrace-check-attach-vs-utrace-stop", 6), Map.entry("detach-races-death-report", 7),
        Map.entry("stop-einprogress-no-callback", 8), Map.entry("stop-einprogress-midpass", 8),
        Map.entry("barrier-during-death-report", 10), Map.entry("barrier-during-reap-report", 10),
        Map.entry("set-events-quiesce-while-stopped", 11), Map.entry("attach-during-signal", 12),
        Map.entry("stop-without-quiesce", 13), Map.entry("stop-without-quiesce-signal", 13),
        Map.entry("stop-skipped-by-signal-pass", 13), Map.entry("barrier-after-detach-report-consumed", 14),
        Map.entry("barrier-after-detach-held-by-other-engine", 14),
        Map.entry("interrupt-without-quiesce", 15), Map.entry("ptrace-attach-held-by-engine-stop", 16),
        Map.entry("ptrace-kill-while-stepping", 17), Map.entry("ptrace-cont-drops-engine-step", 18),
        Map.entry("attach-cancels-signal-step", 19), Map.entry("interrupt-lost-to-finish-report", 20),
        Map.entry("group-stop-satisfies-wait-stopped", 1), Map.entry("detach-cancels-engine-step", 21)));

    static List<Trace> violations(String text, ModelConfig config) throws Exception {
        Scenario s = ScenarioParser.parseStrict("test.scenario", text);
        List<Trace> out = new ArrayList<>();
        for (ScenarioSearch.Found f : ScenarioSearch.run(s, "test.scenario", Invariants.all(), config, LIMITS).violations()) {
            out.add(f.trace());
        }
        return out;
    }

    /** The scenario violates {@code invariant}, and every such violation is sorted into {@code finding}. */
    static List<Trace> assertEveryViolationOf(String invariant, String text, FuzzClass finding) throws Exception {
        List<Trace> ts = violations(text, ModelConfig.fullSeries());
        assertTrue(ts.stream().anyMatch(t -> t.invariant().name().equals(invariant)), "no " + invariant + " violation");
        for (Trace t : ts) {
            if (t.invariant().name().equals(invariant)) assertEquals(finding, KnownFindings.classify(t));
        }
        return ts;
    }

    @Test
    void everyViolationOfEveryShippedFindingIsKnownAndItsOwnFindingIsAmongThem() throws Exception {
        assertEquals(LISTED.keySet(), new java.util.TreeSet<>(Scenarios.findingNames()), "findings.list and this table differ");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> e : LISTED.entrySet()) {
            List<Integer> findings = new ArrayList<>();
            for (Trace t : violations(Scenarios.load(e.getKey()).source(), ModelConfig.fullSeries())) {
                FuzzClass c = KnownFindings.classify(t);
                if (c.kind() != FuzzClass.Kind.KNOWN) wrong.add(e.getKey() + ": " + t.invariant().name() + " is " + c.label());
                findings.add(c.finding());
            }
            if (!findings.contains(e.getValue())) wrong.add(e.getKey() + ": finding " + e.getValue() + " not among " + findings);
        }
        assertEquals(List.of(), wrong);
    }

    /** h3's candidate N4a: the barrier waits on a detached engine while another engine holds the stop (finding 14's bounded form). */
    @Test
    void theBarrierHeldUpByAnotherEnginesStopIsFinding14() throws Exception {
        List<Trace> ts = violations("scenario n4a\nengine E1 preattached events=SYSCALL_ENTRY\nengine E2 preattached events=SYSCALL_EXIT\n"
            + "callback E1 syscall_entry=STOP\ntracee syscall\nowner E2 control DETACH; barrier\n", ModelConfig.fullSeries());
        assertEquals(1, ts.size());
        assertEquals(KnownFindings.F14, KnownFindings.classify(ts.get(0)));
    }

    /**
     * `checker fuzz --seed 25 --mode both` (twenty-first round): E1 (no QUIESCE) detached while the tracee heads
     * for a SIGSTOP; utrace_get_signal's explicit branch consumes the detach's report without a pass (finding 14's
     * first shape), and the tracee sleeps in the group stop. The barrier, ordered after the stop, never gets past
     * its first retry: "cannot start 'utrace_barrier'", which the fuzzer took for new.
     */
    @Test
    void aBarrierThatNeverGetsPastItsFirstRetryIsFinding14() throws Exception {
        List<Trace> ts = violations("scenario m25-1195\nengine E2 preattached\ntracee raise SIGSTOP\n"
            + "owner E2 control DETACH; barrier after tracee:stopped\n", ModelConfig.fullSeries());
        assertEquals(1, ts.size());
        assertTrue(ts.get(0).violation().message().contains("cannot start 'utrace_barrier'"), ts.get(0).violation().message());
        assertEquals(KnownFindings.F14, KnownFindings.classify(ts.get(0)));
    }

    /**
     * `checker fuzz --seed 2 --mode mutate`: PTRACE_ATTACH waits for the trap of a tracee asleep on finding 1's
     * stale bit (E1's owner resumed before the stop); the attacher's wait is that sleep's consequence. The same
     * wait for a tracee an engine really holds (its owner never resumes) is finding 16, not 1.
     */
    @Test
    void anAttachWaitingOnATraceeAsleepOnTheStaleBitIsFinding1() throws Exception {
        String stale = "scenario a\nengine E1 preattached events=QUIESCE\ncallback E1 quiesce=STOP\ntracee\n"
            + "owner E1 wait_stopped; control STOP; control RESUME\nptrace attach\nkiller SIGSTOP\n";
        boolean both = false;
        for (Trace t : violations(stale, ModelConfig.fullSeries())) {
            String m = t.violation().message();
            if (m.contains("PTRACE_ATTACH waits") && m.contains("no engine wants it stopped")) {
                both = true;
                assertEquals(KnownFindings.F1, KnownFindings.classify(t), m);
            }
        }
        assertTrue(both, "the scenario no longer shows the two problems together");
        String held = "scenario b\nengine E1 preattached\ntracee\nowner E1 control STOP\nptrace attach\nkiller SIGSTOP\n";
        List<Trace> ts = violations(held, ModelConfig.fullSeries());
        assertEquals(1, ts.size());
        assertTrue(ts.get(0).violation().message().startsWith("deadlock: PTRACE_ATTACH waits for JOBCTL_TRAPPING"),
            ts.get(0).violation().message());
        assertEquals(KnownFindings.F16, KnownFindings.classify(ts.get(0)));
    }

    /** Finding 8 whose -EINPROGRESS lands during utrace_get_signal's own pass (checker fuzz --seed 12, scenario 2420). */
    @Test
    void anEinprogressDuringTheSignalPassIsFinding8() throws Exception {
        String text = "scenario r12-2420\nengine E1\nengine E2\ncallback E2 quiesce=STOP\ntracee syscall\n"
            + "owner E1 attach; set_events QUIESCE|DEATH|SYSCALL_EXIT|SIGNAL_CORE; control INTERRUPT; control STOP\n"
            + "owner E2 attach; set_events QUIESCE|REAP; control RESUME\n";
        assertEveryViolationOf("stop-einprogress-means-callback", text, KnownFindings.F8);
    }

    /**
     * Finding 13's third path where the engine asks for QUIESCE only after utrace_get_signal's pass skipped it
     * (checker fuzz --seed 38 --mode random, scenario 1055, shrunk): E2's report_syscall_exit returned
     * UTRACE_STOP, the pass for E1 (just attached, with QUIESCE) passed E2 by, and E2's set_events QUIESCE came
     * after. The rule used to read E2's flags at the end and called it new.
     */
    @Test
    void aStopPassedByBeforeTheEngineAskedForQuiesceIsFinding13() throws Exception {
        String text = "scenario r38-1055\nengine E1\nengine E2 preattached events=SYSCALL_EXIT|SIGNAL\n"
            + "callback E1 signal=DETACH\ncallback E2 syscall_exit=STOP\ntracee kill SIGUSR1\n"
            + "owner E1 attach; set_events QUIESCE|EXIT|SIGNAL|SIGNAL_CORE\nowner E2 set_events QUIESCE|SYSCALL_ENTRY\n";
        for (Trace t : assertEveryViolationOf("stop-is-sticky", text, KnownFindings.F13)) {
            if (t.invariant().name().equals("stop-is-sticky")) {
                assertTrue(TraceFacts.has(t.finalState().get("engine[E2].flags"), "QUIESCE"), "E2 asks for QUIESCE by the end");
            }
        }
    }

    /**
     * Finding 13's third path where the engine drops QUIESCE while the pass runs (checker fuzz --seed 38 --mode
     * random, scenario 669): the pass began with E1 asking for QUIESCE, E1's set_events took it away
     * (-EINPROGRESS) before utrace_get_signal's loop read E1's flags, and the loop passed E1 by.
     */
    @Test
    void aStopPassedByAfterTheEngineDroppedQuiesceIsFinding13() throws Exception {
        String text = "scenario r38-669\nengine E1 preattached events=QUIESCE|SYSCALL_EXIT\ncallback E1 syscall_exit=STOP\n"
            + "tracee kill SIGUSR1\nowner E1 set_events SYSCALL_ENTRY|SIGNAL_STOP\n";
        assertEveryViolationOf("stop-is-sticky", text, KnownFindings.F13);
    }

    /** Finding 17 with PTRACE_SINGLEBLOCK (checker fuzz --seed 10 --mode mutate): PT_SINGLE_BLOCK is what the kill cleared. */
    @Test
    void aKillAfterSingleblockOfARunningTraceeIsFinding17() throws Exception {
        assertEveryViolationOf("ptrace-step-kept", "scenario m10\ntracee traceme raise SIGSTOP\nptrace singleblock; kill\nparent ptrace\n",
            KnownFindings.F17);
    }

    /**
     * A guard that never holds is the scenario's problem, reported by guard-liveness (split out of
     * deadlock-freedom) and, in traces written before the split, by deadlock-freedom: both shapes are recognised.
     */
    @Test
    void aGuardThatNeverHoldsIsAScenarioProblemWhicheverInvariantSaysIt() throws Exception {
        List<Trace> ts = violations("scenario d1\nengine E1 preattached events=SIGNAL\ntracee\n"
            + "killer SIGCONT after tracee:traced SIGSTOP\n", ModelConfig.fullSeries());
        assertEquals(1, ts.size());
        Trace t = ts.get(0);
        assertEquals("guard-liveness", t.invariant().name());
        assertEquals(FuzzClass.GUARD, KnownFindings.classify(t));
        // the same violation under a guard invariant of its own, with its own wording
        Trace split = new Trace(t.schemaVersion(), t.tool(), t.scenario(), t.config(),
            new Trace.InvariantInfo("guards-hold", "every ordering guard of the scenario holds at some point"),
            new Trace.ViolationInfo("TERMINAL", "killer cannot send at: send SIGCONT after tracee:traced (after tracee:traced never holds)"),
            t.initialFingerprint(), t.steps(), t.finalState());
        assertEquals(FuzzClass.GUARD, KnownFindings.classify(split));
        Trace other = new Trace(t.schemaVersion(), t.tool(), t.scenario(), t.config(),
            new Trace.InvariantInfo("scenario-guards", "..."), new Trace.ViolationInfo("TERMINAL", "the killer's guard cannot hold"),
            t.initialFingerprint(), t.steps(), t.finalState());
        assertEquals(FuzzClass.GUARD, KnownFindings.classify(other));
    }

    /**
     * The first round of `checker fuzz` (seed 1): a tracer's 'wait after killer:1' behind a killer whose own
     * guard never holds was reported by deadlock-freedom and then, searched on, by wait-liveness (the wait never
     * started); since the split both are guard-liveness's: the scenario's guard. With the killer's guard gone the same wait returns.
     */
    @Test
    void aWaitThatNeverStartedBecauseOfItsGuardIsAScenarioProblem() throws Exception {
        List<Trace> ts = violations("scenario g\ntracee\nptrace attach; wait after killer:1\nkiller SIGKILL after tracee:stopped\n",
            ModelConfig.fullSeries());
        List<String> invariants = new ArrayList<>();
        for (Trace t : ts) {
            invariants.add(t.invariant().name());
            assertEquals(FuzzClass.GUARD, KnownFindings.classify(t), t.violation().message());
        }
        // a wait whose guard never held has not begun: guard-liveness says so, not wait-liveness
        assertTrue(invariants.contains("guard-liveness"), invariants.toString());
        assertEquals(List.of(), violations("scenario g\ntracee\nptrace attach; wait after killer:1\nkiller SIGKILL\n",
            ModelConfig.fullSeries()).stream().map(t -> t.invariant().name()).toList());
    }

    /**
     * The invariant alone is not the finding: exit-stop-then-resume fails no-lost-wakeup through finding 1's
     * stale bit; with callback-resume-keeps-stop (a callback's RESUME leaves the engine's own ENGINE_STOP) the
     * same scenario fails the same invariant with the bit held by the engine, which is no finding 1.
     */
    @Test
    void theSameInvariantBrokenAnotherWayIsNew() throws Exception {
        String text = Scenarios.load("exit-stop-then-resume").source();
        FuzzClass onSeries = null;
        for (Trace t : violations(text, ModelConfig.fullSeries())) if (t.invariant().name().equals("no-lost-wakeup")) onSeries = KnownFindings.classify(t);
        assertEquals(KnownFindings.F1, onSeries);
        ModelConfig mutated = ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.byId("callback-resume-keeps-stop")));
        Trace broken = null;
        for (Trace t : violations(text, mutated)) {
            if (t.invariant().name().equals("no-lost-wakeup")) broken = t;
        }
        assertNotNull(broken, "callback-resume-keeps-stop no longer breaks no-lost-wakeup on exit-stop-then-resume");
        FuzzClass c = KnownFindings.classify(broken);
        assertEquals(FuzzClass.Kind.NEW, c.kind(), c.label());
        assertTrue(c.id().startsWith("new:no-lost-wakeup:"), c.id());
    }

    @Test
    void aNewClassIsItsInvariantAndItsMessageMadeGeneric() {
        assertEquals("report_# to E# before its report_# was made",
            KnownFindings.normalise("reap-after-death", List.of("report_reap to E2 before its report_death was made")));
        assertEquals("owner E# cannot finish: utrace_barrier; tracee sleeps in TASK_STOPPED (SIG#)",
            KnownFindings.normalise("deadlock-freedom", List.of("tracee sleeps in TASK_STOPPED (SIGSTOP)",
                "owner E3 cannot finish: utrace_barrier", "killer cannot send at: send SIGKILL (after tracee:zombie never holds)")));
    }
}
