package utrace.checker.lincheck;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import utrace.checker.lincheck.LincheckCheck.Budget;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.model.ModelConfig;
import utrace.model.Mutation;

/**
 * {@code checker lincheck --each-mutation}: every mutation alone, under the
 * shipped-contracts situation on the scenario the mutation declares
 * ({@link Mutation#scenario}, any shipped list), and what became of it:
 * <ul>
 * <li>{@link Verdict#CAUGHT}: Lincheck failed the run, on a contract (which one, at which step);</li>
 * <li>{@link Verdict#HELD}: every contract held although one of them reads what the mutation breaks
 *     (the native invariant {@link Mutation#breaks}, see {@link #contractFor}): a finding about our
 *     contracts (or our plans), to investigate;</li>
 * <li>caught on a retry: where the mutation's own scenario is known not to show it to Lincheck (a window its
 *     sampler does not meet within the budget, or a scenario that fails without the mutation too; investigated
 *     and written down in {@link #RETRIES}), the retry runs (a targeted situation, or more invocations), and the
 *     row says so;</li>
 * <li>{@link Verdict#NO_CONTRACT}: held, and no contract reads what the mutation breaks (ptrace's
 *     wait results, signal delivery, job control: the contracts are the engine-facing API's; {@link #UNREAD});</li>
 * <li>{@link Verdict#UNDISTINGUISHED}: Lincheck failed the run, but it fails without the mutation too (the
 *     baseline, run once per scenario: a findings scenario, say), so the catch proves nothing;</li>
 * <li>{@link Verdict#NOT_RUN}: no plan could be made of the scenario (it says why);</li>
 * <li>{@link Verdict#ERROR}: Lincheck failed the run, but not on a contract (a harness error).</li>
 * </ul>
 * Mutations are taken generically, by their declared scenario: a new one is covered as soon as it exists.
 */
public final class EachMutation {
    private EachMutation() {}

    public enum Verdict {
        CAUGHT("caught", true),
        HELD("HELD", false),
        UNDISTINGUISHED("not distinguished", false),
        NO_CONTRACT("no contract", true),
        NOT_RUN("not run", false),
        ERROR("error", false);

        /** As the table and the JSON say it. */
        public final String word;
        /** Caught, or held for a stated reason: the run's exit code is 0 only if every row is. */
        public final boolean accounted;

        Verdict(String word, boolean accounted) {
            this.word = word;
            this.accounted = accounted;
        }
    }

    /**
     * One mutation's row. {@code contract} is the broken contract (CAUGHT), the contract that should have
     * read it (HELD), or null; {@code step} the first step the contract's message names, or -1; {@code detail}
     * the contract's own line, or why the row is what it is; {@code retry} what was run after the mutation's own
     * scenario held (null if nothing was); {@code millis} and {@code plans} count every run made for the row (a
     * baseline only where it was made: once per scenario); {@code baseline} what the run that caught it gave
     * without the mutation ("held", "failed: ..."; null where nothing was caught).
     */
    public record Result(Mutation mutation, String scenario, Mode mode, Verdict verdict, String contract, int step,
                         String detail, Outcome outcome, String retry, long millis, int plans, String baseline) {
        public Path reportFile() { return outcome == null ? null : outcome.reportFile(); }
    }

    /**
     * What to run when a mutation's own scenario holds for a reason investigated: a targeted situation (null:
     * shipped-contracts on the same scenario again) with at least {@code invocations} per plan, and why.
     */
    public record Retry(String situation, int invocations, String why) {
        /** A situation named "scenario:NAME": shipped-contracts on another shipped scenario that shows the bug. */
        static final String SCENARIO = "scenario:";

        /** The situation the retry runs (null if its name is none); for a null situation the caller's own. */
        public Situation target() {
            if (situation == null) return null;
            if (situation.startsWith(SCENARIO)) {
                return Situations.shippedContracts(List.of(situation.substring(SCENARIO.length())));
            }
            return Situations.byName(situation);
        }

        /** How the row names it. */
        public String describe() {
            return (situation == null ? "the same scenario" : "situation " + situation) + " at " + invocations
                + " invocations per plan";
        }
    }

    /**
     * The contract that reads what a native invariant states, or null if none does. A contract named like the
     * invariant reads it (they state the same guarantee of the documentation, one on the recorded steps of a
     * Lincheck run, the other on the explored state graph); besides:
     * <ul>
     * <li>nothing-after-reap: reap-after-death reads both halves (no report_reap before the death report, and
     *     no callback after report_reap);</li>
     * <li>no-lost-wakeup: deadlock-freedom asks the model whether the final state is a rightful wait, with the
     *     same judgement of a tracee asleep in a stop its engine let go of;</li>
     * <li>syscall-trace-consistent: ptrace-syscall-stops reads it (no system call without the stop
     *     PTRACE_SYSCALL asked for, no syscall stop the tracer did not ask for, no return to user mode with
     *     TIF_SYSCALL_TRACE clear while PTRACE_SYSCALL asks or a live engine wants system-call events; the
     *     engine half since the twenty-sixth round: events-reported sees it only at a later system call).</li>
     * </ul>
     * The rest ({@link #UNREAD}) state what ptrace's wait reports, which signal is delivered, job control: no
     * contract of the engine-facing API reads them.
     */
    public static String contractFor(String invariant) {
        if (Contracts.NAMES.contains(invariant)) return invariant;
        switch (invariant) {
            case "nothing-after-reap": return "reap-after-death";
            case "no-lost-wakeup": return "deadlock-freedom";
            case "syscall-trace-consistent": return "ptrace-syscall-stops";
            default: return null;
        }
    }

    /**
     * Invariants seeded bugs break that no contract reads, with what they state: the contracts are the
     * engine-facing API's (return codes, callbacks, returns to user mode), these are ptrace's wait results,
     * signal delivery and job control. A mutation that breaks an invariant neither {@link #contractFor read by a
     * contract} nor named here needs that decision made (a test asks for it).
     */
    public static final Map<String, String> UNREAD = Map.ofEntries(
        Map.entry("wait-report-correct", "what ptrace's and the parent's waits report"),
        Map.entry("wait-reports-once", "how often a wait reports a stop or an exit"),
        Map.entry("wait-liveness", "whether a blocked waiter is owed a report"),
        Map.entry("signal-delivered", "whether a signal the tracer passes, or one sent to a ptraced task, is delivered"),
        Map.entry("sigcont-ends-stop", "job control: a SIGCONT after the SIGSTOP ends the group stop"),
        Map.entry("group-stop-holds", "job control: a stopped group runs no user code"),
        Map.entry("traced-zombie-released", "who releases a ptraced zombie"),
        Map.entry("ptrace-return-as-stated", "ptrace requests' return values as the scenario states them"),
        Map.entry("ptrace-step-kept", "ptrace's single-step and block-step requests"),
        Map.entry("lock-discipline", "who changes what under whose lock (a kernel locking rule, not an engine-API promise)"),
        Map.entry("syscall-restart", "what a program sees of a system call a signal interrupted (restart or -EINTR), not an engine-API promise"),
        Map.entry("livelock-freedom", "a cycle of the state graph, which no contract of a finite run can state; the plan runner "
            + "stops a run that does not come to rest (\"livelock\"), and that catches such a mutation"));

    /**
     * Mutations whose contract holds on their own scenario within the usual budget for a reason investigated
     * (docs/lincheck.md, "Seeded bugs"), and where Lincheck does meet them. Each window was measured: a
     * retry that holds too is a HELD row.
     */
    public static final Map<Mutation, Retry> RETRIES = Map.of(
        Mutation.FINISH_EXAMINE_SKIPS_RECHECK, new Retry("examine-vs-kill", 200,
            "on examine-vs-sigkill the tracee's whole life from user mode is in the parallel part and Lincheck's "
                + "sampler does not meet the window (3 plans x 5,000 invocations); examine-vs-kill reaches the stop "
                + "in the init part"),
        Mutation.FINISH_STOP_SKIPS_UNLOCK_WAIT, new Retry("detach-vs-sigkill-wake", 500,
            "on detach-while-sigkill-wakes the window is one step of the tracee's 50-step life and one of the "
                + "owner's DETACH, and Lincheck's sampler does not meet it (1 plan x 3,000 invocations); "
                + "detach-vs-sigkill-wake reaches the stop in the init part"),
        Mutation.FINISH_EXAMINE_IGNORES_SWITCH_COUNT, new Retry("scenario:examine-across-kill", 500,
            "on examine-across-group-stops the examination must span the SIGCONT and the second SIGSTOP, and "
                + "Lincheck's sampler did not meet that window in 2,000 invocations; on examine-across-kill, which the "
                + "explorer fails too, the tracee goes back to sleep at report_exit and Lincheck meets it"),
        Mutation.SET_EVENTS_EINPROGRESS_KEEPS_OLD_FLAGS, new Retry(null, 1_500,
            "Lincheck meets the window after about 700 invocations of the plan (measured), more than the usual 500"),
        Mutation.DETACH_SKIPS_RELEASE, new Retry(null, 4_000,
            "the window lies between two steps of PTRACE_DETACH, ptrace_set_syscall_trace() and __ptrace_detach() "
                + "under tasklist_lock, and the SIGKILL and the tracee's death up to its zombie (seven steps) must fall "
                + "in it: three switches between the plan's threads; Lincheck meets it after 1,750 to 2,000 invocations "
                + "of the plan (measured: holds at 1,750, fails at 2,000)"),
        Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK, new Retry("ptrace-resume-vs-set-events", 500,
            "on cont-races-engine-syscall-events the tracee's whole life from user mode is in the parallel part and "
                + "Lincheck's sampler does not meet the window between ptrace_set_syscall_trace's read of utrace_flags "
                + "and its clear (1 plan x 4,000 invocations); ptrace-resume-vs-set-events reaches the ptrace stop in "
                + "the init part"),
        Mutation.RESET_KEEPS_SIGNAL_HANDLER, new Retry(null, 8_000,
            "the owner's five calls (detach, put, attach, set_events, interrupt) must all fall between the tracer's "
                + "wait for the step's SIGTRAP stop and the tracee's first trip through utrace_get_signal after "
                + "PTRACE_CONT, which drops the stale flag: Lincheck meets that window between 3,000 invocations of the "
                + "plan (holds) and 8,000 (caught; measured)"));

    /** The mutations a run covers: these ids, or every mutation if none is named. */
    public static List<Mutation> chosen(List<String> ids) {
        if (ids.isEmpty()) return List.of(Mutation.values());
        return ids.stream().map(Mutation::byId).toList();
    }

    /**
     * The runs without any mutation a catch is judged against, each made once: a scenario whose contracts break
     * on the full series too (a findings scenario) cannot tell a mutation apart.
     */
    public static final class Baselines {
        private final Map<String, Outcome> done = new HashMap<>();

        /** The run of {@code s} without mutations (on {@code patchesOnly}), and whether this call made it. */
        Outcome of(Situation s, Mode mode, Budget budget, ModelConfig patchesOnly, long seed, boolean coreInvariants,
                   Path traceDir, boolean[] fresh) {
            String key = s.name() + "|" + s.claim() + "|" + mode + "|" + budget + "|" + patchesOnly + "|" + coreInvariants;
            Outcome o = done.get(key);
            fresh[0] = o == null;
            if (o == null) {
                o = LincheckCheck.run(s, mode, budget, patchesOnly, seed, coreInvariants, traceDir);
                done.put(key, o);
            }
            return o;
        }
    }

    /**
     * Runs shipped-contracts with {@code m} alone (on {@code base}'s patches) on m's declared scenario. A catch
     * counts if the same run without the mutation holds (the baseline, made once per scenario); if the run holds,
     * or its baseline fails too, the mutation's {@link #RETRIES retry} runs, if it has one, judged the same way.
     */
    public static Result run(Mutation m, Mode mode, Budget budget, ModelConfig base, long seed, boolean coreInvariants,
                             Path traceDir, Baselines baselines) {
        return run(m, m.scenario, mode, budget, base, seed, coreInvariants, traceDir, baselines);
    }

    /**
     * The same on another scenario than the one m declares. Every mutation now declares a scenario the full series
     * passes, so only a test reaches the baseline's "not distinguished" verdict, by naming a findings scenario here.
     */
    static Result run(Mutation m, String scenario, Mode mode, Budget budget, ModelConfig base, long seed,
                      boolean coreInvariants, Path traceDir, Baselines baselines) {
        ModelConfig patchesOnly = base.withMutations(EnumSet.noneOf(Mutation.class));
        ModelConfig config = base.withMutations(EnumSet.of(m));
        String problem = Situations.scenarioProblem(scenario, config);
        if (problem != null) return new Result(m, scenario, mode, Verdict.NOT_RUN, null, -1, problem, null, null, 0, 0, null);
        Situation own = Situations.shippedContracts(List.of(scenario));
        long[] millis = {0};
        int[] plans = {0};
        Attempt a = attempt(own, mode, budget, config, patchesOnly, seed, coreInvariants, traceDir, baselines, millis, plans);
        Retry retry = RETRIES.get(m);
        String said = null;
        if (!a.counts() && retry != null) {
            said = (a.baseline() == null ? "held on " + scenario : "caught on " + scenario + ", but " + scenario
                + " breaks the contracts without the mutation too") + " (" + budget.iterations() + " plan(s) x "
                + budget.invocations() + "), then retried on " + retry.describe() + ": " + retry.why();
            Situation rs = retry.situation() == null ? own : retry.target();
            a = attempt(rs, mode, new Budget(budget.iterations(), Math.max(budget.invocations(), retry.invocations())),
                config, patchesOnly, seed, coreInvariants, traceDir, baselines, millis, plans);
        }
        if (a.baseline() != null && a.baseline().failed()) {
            return new Result(m, scenario, mode, Verdict.UNDISTINGUISHED, brokenContract(a.run()), -1,
                "caught (" + a.run().reason() + "), but without the mutation the same run fails too ("
                    + a.baseline().reason() + "): the catch tells the mutation apart from nothing",
                a.baseline(), said, millis[0], plans[0], "failed: " + a.baseline().reason());
        }
        return classify(m, scenario, mode, a.run(), said, millis[0], plans[0], a.baseline() == null ? null : "held");
    }

    /** One run with the mutation and, if it caught it, the baseline it is judged against (else null). */
    private record Attempt(Outcome run, Outcome baseline) {
        /** A catch the baseline does not share. */
        boolean counts() { return run.failed() && brokenContract(run) != null && baseline != null && !baseline.failed(); }
    }

    private static Attempt attempt(Situation s, Mode mode, Budget budget, ModelConfig config, ModelConfig patchesOnly,
                                   long seed, boolean coreInvariants, Path traceDir, Baselines baselines, long[] millis,
                                   int[] plans) {
        Outcome o = LincheckCheck.run(s, mode, budget, config, seed, coreInvariants, traceDir);
        millis[0] += o.millis();
        plans[0] += o.plansRun();
        if (!o.failed() || brokenContract(o) == null) return new Attempt(o, null);
        boolean[] fresh = {false};
        Outcome b = baselines.of(s, mode, budget, patchesOnly, seed, coreInvariants, traceDir, fresh);
        if (fresh[0]) {
            millis[0] += b.millis();
            plans[0] += b.plansRun();
        }
        return new Attempt(o, b);
    }

    private static final Pattern STEP = Pattern.compile("\\bstep (\\d+)");

    static Result classify(Mutation m, Mode mode, Outcome o, String retry, long millis, int plans, String baseline) {
        return classify(m, m.scenario, mode, o, retry, millis, plans, baseline);
    }

    private static Result classify(Mutation m, String scenario, Mode mode, Outcome o, String retry, long millis, int plans,
                                   String baseline) {
        String reads = contractFor(m.breaks);
        if (o.failed()) {
            String reason = o.reason();
            String contract = brokenContract(o);
            if (contract == null) return new Result(m, scenario, mode, Verdict.ERROR, null, -1, reason, o, retry, millis, plans, baseline);
            Matcher st = STEP.matcher(reason);
            return new Result(m, scenario, mode, Verdict.CAUGHT, contract, st.find() ? Integer.parseInt(st.group(1)) : -1,
                reason, o, retry, millis, plans, baseline);
        }
        if (reads == null) {
            return new Result(m, scenario, mode, Verdict.NO_CONTRACT, null, -1, "no contract reads what it breaks ("
                + m.breaks + ": " + UNREAD.getOrDefault(m.breaks, "not an engine-API guarantee") + "); the native "
                + "explorer catches it", o, retry, millis, plans, baseline);
        }
        return new Result(m, scenario, mode, Verdict.HELD, reads, -1, "every contract held, " + reads + " too, although "
            + "it reads what the mutation breaks (" + m.breaks + "): a finding about the contracts", o, retry, millis, plans, baseline);
    }

    /**
     * The contract a failed run broke, as the report names it: a contract of {@link Contracts#NAMES}, "model
     * invariant X" (with --core-invariants), "livelock" (the model never came to rest), "hung" (Lincheck's own
     * deadlock or livelock detection); null for a failure that is none of these (an exception of the harness).
     */
    static String brokenContract(Outcome o) {
        String msg = o.error() == null ? "" : o.error().getMessage();
        String reason = o.reason();
        if (msg.contains("ContractViolation: ")) {
            int colon = reason.indexOf(':');
            String head = colon < 0 ? reason : reason.substring(0, colon);
            if (Contracts.NAMES.contains(head) || head.startsWith("model invariant ") || head.equals("livelock")) return head;
            return null;
        }
        if (msg.contains("= The execution has hung =")) return "hung";
        return null;
    }
}
