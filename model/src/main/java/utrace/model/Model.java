package utrace.model;

import static utrace.model.Slots.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executable model of one scenario under one configuration: the initial
 * state and, for any state and actor, the one step that actor takes next (if
 * enabled). It knows nothing of the engines that explore it.
 */
public final class Model {
    private final Scenario scenario;
    private final ModelConfig config;
    private final List<Actor> actors = new ArrayList<>();
    private final Tracee tracee;
    private final Ptracer ptracer;
    private final Parent parent;
    private final List<Killer> killers = new ArrayList<>();
    private final int size;
    /** The store buffers of the weak memory model; null in sc. */
    private final WeakMemory weak;
    /** Set when this model runs a litmus test instead of a scenario (the weak model's self-test). */
    private final Litmus litmus;

    public Model(Scenario scenario, ModelConfig config) {
        this.scenario = scenario;
        this.config = config;
        this.litmus = null;
        this.tracee = new Tracee(this, 0, scenario.tracee());
        actors.add(tracee);
        for (int e = 0; e < scenario.engines().size(); e++) {
            List<OwnerOp> script = scenario.owners().get(e);
            if (!script.isEmpty()) actors.add(new Owner(this, actors.size(), e, script));
        }
        this.ptracer = scenario.ptrace().isEmpty() ? null : new Ptracer(this, actors.size(), scenario.ptrace());
        if (ptracer != null) actors.add(ptracer);
        for (int k = 0; k < scenario.killers(); k++) {
            String name = scenario.killers() == 1 ? "killer" : "killer " + (k + 1);
            Killer killer = new Killer(this, actors.size(), scenario.killerItems(), name);
            killers.add(killer);
            actors.add(killer);
        }
        this.parent = scenario.parent() ? new Parent(this, actors.size()) : null;
        if (parent != null) actors.add(parent);
        int next = assignBases(GLOBALS + ENGINE_SLOTS * scenario.engines().size());
        this.weak = config.weak() ? weakMemory(next, new int[] {LOCK_UTRACE, LOCK_SIGLOCK, LOCK_TASKLIST, LOCK_TASK}) : null;
        this.size = weak == null ? next : weak.size();
    }

    /** A litmus test: its threads are the actors, its variables the first slots. */
    private Model(Litmus test, ModelConfig config) {
        this.scenario = null;
        this.config = config;
        this.litmus = test;
        this.tracee = null;
        this.ptracer = null;
        this.parent = null;
        for (int t = 0; t < test.threads().size(); t++) actors.add(new LitmusThread(this, t, test, t));
        int next = assignBases(test.vars().size() + (test.usesLock() ? 1 : 0));
        this.weak = config.weak() ? weakMemory(next, test.usesLock() ? new int[] {test.lockSlot()} : new int[0]) : null;
        this.size = weak == null ? next : weak.size();
    }

    /** Litmus test {@code test} under memory model {@code mm}: explored like any model, checked with {@link Litmus#reached}. */
    public static Model litmus(Litmus test, MemoryModel mm) {
        return new Model(test, ModelConfig.fullSeries().withMemoryModel(mm));
    }

    private int assignBases(int first) {
        int next = first;
        for (Actor a : actors) {
            a.base = next;
            next += a.slots();
        }
        return next;
    }

    /** Store buffers for the actors that make marked stores, and the memory actors that drain them. */
    private WeakMemory weakMemory(int first, int[] lockSlots) {
        int n = actors.size();
        boolean[] buffered = new boolean[n];
        boolean[] hoisting = new boolean[n];
        for (int a = 0; a < n; a++) {
            buffered[a] = actors.get(a).buffersStores();
            hoisting[a] = actors.get(a).hoistsLoads();
        }
        WeakMemory w = new WeakMemory(buffered, hoisting, lockSlots, new VarNames(), first);
        for (int a = 0; a < n; a++) {
            if (!buffered[a]) continue;
            for (int k = 0; k < WeakMemory.CAPACITY; k++) actors.add(new MemoryActor(this, actors.size(), w, actors.get(a), k));
        }
        for (int a = 0; a < n; a++) if (hoisting[a]) actors.add(new MemoryActor(this, actors.size(), w, actors.get(a), -1));
        return w;
    }

    public Scenario scenario() { return scenario; }

    public ModelConfig config() { return config; }

    public int actorCount() { return actors.size(); }

    public String actorName(int a) { return actors.get(a).name; }

    /** tracee, owner, killer or parent. */
    public String actorRole(int a) { return actors.get(a).role(); }

    /** Where actor {@code a}'s block (program counter, then locals) starts in a state (symmetry reduction permutes blocks). */
    public int actorBase(int a) { return actors.get(a).base; }

    /** The length of actor {@code a}'s block. */
    public int actorSlots(int a) { return actors.get(a).slots(); }

    public int engineCount() { return scenario.engines().size(); }

    public String engineName(int e) { return e < 0 ? "NULL" : scenario.engines().get(e).name(); }

    Tracee tracee() { return tracee; }

    // ---- ordering guards ('after ACTOR:K', 'after tracee:STATE') ---------------------------

    /** Does {@code g} hold in the step's state? (Reads the other actor's block through {@code c}: recorded.) */
    boolean guardHolds(Ctx c, Guard g) {
        if (g.state() != null) return tracee.inState(c, g.state());
        if (g.actor().equals("ptrace")) return ptracer.completed(c) >= g.count();
        if (g.actor().equals("killer")) {
            // with 'killers N': every killer has sent K (the same for any order of identical killers)
            for (Killer k : killers) if (k.sent(c) < g.count()) return false;
            return true;
        }
        throw new IllegalStateException("guard on unknown actor " + g.actor());
    }

    /**
     * Why {@code g} does not hold in the final state {@code s} ("the tracee is ... at ...", "ptrace has
     * returned 1 of 2 requests"), or null if it holds: an actor still waiting there never got the event
     * the scenario ordered it after (guard-liveness), which is not a deadlock of the kernel.
     */
    String guardUnmet(State s, Guard g) {
        if (g.state() != null) {
            if (tracee.inState(s, g.state())) return null;
            // if/else: see TraceeOp.text() (JPF and enum switch maps)
            String not = g.state() == Guard.TraceeState.STOPPED ? "is in no group stop (\"T\")"
                : g.state() == Guard.TraceeState.TRACED ? "is in no ptrace or utrace stop (\"t\")"
                : g.state() == Guard.TraceeState.SLEEPING ? "is not asleep in a read() or pause() (\"S\")" : "has not exited";
            return "the tracee " + not + ": it is " + tracee.stateForGuard(s);
        }
        if (g.actor().equals("ptrace")) {
            int done = ptracer.completed(s);
            // where it stopped: often a wait() that blocks, which the wait invariants judge
            return done >= g.count() ? null : "ptrace has returned from " + done + " of its first " + g.count()
                + " requests (it is at " + ptracer.where(s) + ")";
        }
        StringBuilder late = new StringBuilder();
        for (Killer k : killers) {
            int sent = k.sent(s);
            if (sent < g.count()) {
                late.append(late.length() == 0 ? "" : ", ").append(k.name).append(" has sent ").append(sent)
                    .append(" of its first ").append(g.count()).append(" signals (it is at ").append(k.where(s)).append(')');
            }
        }
        return late.length() == 0 ? null : late.toString();
    }

    /** What {@link #guardHolds} reads, for the guarded actor's may-footprint. */
    void mayReadGuard(Guard g, Footprint may) {
        if (g.state() != null) {
            may.read(Slots.TASK_STATE, -1);
            may.read(Slots.EXIT_STATE, -1);
        } else if (g.actor().equals("ptrace")) {
            may.read(ptracer.base, -1);
            may.read(ptracer.base + 1, -1);
        } else {
            for (Killer k : killers) may.read(k.base, -1);
        }
    }

    // ---- who waits for the tracee ---------------------------------------------------------

    /** A waiter in the model is owed the tracee's exit: a 'parent wait' process, or the tracer as real parent. */
    boolean parentWaits(Ctx c) {
        return scenario.parent() || (scenario.tracerIsParent() && c.get(Slots.REAL_PARENT) == 0);
    }

    /** The tracer that is the real parent has exited (forget_original_parent made init the parent): PF_EXITING for ptrace_traceme. */
    boolean tracerExited(Ctx c) {
        return c.get(Slots.REAL_PARENT) == Slots.PARENT_INIT;
    }

    /**
     * No tracer will end a ptrace stop: the tracer passed exit_ptrace() ('exit' is its last request), which
     * unlinks, so PT_PTRACED left set after it is a bug.
     */
    public static boolean tracerGone(State s) {
        return s.has(Slots.G_PTRACE, Slots.G_PT_TRACER_EXITED);
    }

    /**
     * The request index of the wait() waiter {@code waiter} (Obs.WAITER_*) sits in, if it is at one
     * (in a final state: blocked there for good); else -1.
     */
    public int blockedWait(State s, int waiter) {
        if (waiter == Obs.WAITER_TRACER) return ptracer == null ? -1 : ptracer.blockedWait(s);
        return parent != null && parent.atWait(s) ? 0 : -1;
    }

    /** What the scenario expects wait() number {@code index} of {@code waiter} to report (empty: no expectation). */
    public List<Integer> waitExpectation(int waiter, int index) {
        if (waiter == Obs.WAITER_PARENT) return scenario.parentExpect();
        if (ptracer == null) return List.of();
        return scenario.ptrace().get(index).expect();
    }

    /**
     * The return values the scenario states for the ptrace request a {@link Obs.Kind#PTRACE_RETURN} came from
     * ({@code aux}: its index + 1; 0, the inner PTRACE_CONT of 'wait until', states none; a wait's stated
     * results are what it reports, not a return value).
     */
    public List<Integer> ptraceReturnExpectation(int requestPlusOne) {
        if (requestPlusOne == 0 || ptracer == null) return List.of();
        PtraceRequest r = scenario.ptrace().get(requestPlusOne - 1);
        return r.op() == PtraceOp.WAIT ? List.of() : r.expect(); // a wait's are WaitResults, wait-report-correct's
    }

    /** The text of that ptrace request in the scenario, for messages. */
    public String ptraceRequestText(int requestPlusOne) {
        return requestPlusOne == 0 ? "the inner PTRACE_CONT of a wait until" : "ptrace's " + scenario.ptrace().get(requestPlusOne - 1).text();
    }

    /** The text of that wait in the scenario, for messages. */
    public String waitText(int waiter, int index) {
        return waiter == Obs.WAITER_TRACER ? "ptrace's " + scenario.ptrace().get(index).text() : "the parent's wait";
    }

    /**
     * The results the scenario states (its assertions): each ptrace request with a stated return or wait result,
     * then the parent's wait with one, in that order. A wait that may block ({@code -> blocks} among its results)
     * is left out: never returning is one of its outcomes. `checker audit` asks whether each is checked on some
     * path ({@link #statedResultChecked}): one no path reaches is an assertion a PASS never looked at.
     */
    public List<String> statedResults() {
        List<String> out = new ArrayList<>();
        if (ptracer != null) {
            List<PtraceRequest> script = scenario.ptrace();
            for (int i = 0; i < script.size(); i++) {
                if (statesResult(script.get(i).expect())) out.add("ptrace's '" + script.get(i).text() + "' (request " + (i + 1) + ")");
            }
        }
        if (parent != null && statesResult(scenario.parentExpect())) out.add("the parent's wait");
        return out;
    }

    private static boolean statesResult(List<Integer> expect) {
        return !expect.isEmpty() && !expect.contains(WaitResult.BLOCKS);
    }

    /** Whether stated result {@code k} of {@link #statedResults} has been checked by state {@code s}: its call returned. */
    public boolean statedResultChecked(State s, int k) {
        int seen = 0;
        if (ptracer != null) {
            List<PtraceRequest> script = scenario.ptrace();
            for (int i = 0; i < script.size(); i++) {
                if (!statesResult(script.get(i).expect())) continue;
                if (seen++ == k) return ptracer.completed(s) > i;
            }
        }
        return parent != null && !parent.atWait(s);
    }

    /** The ptrace tracer is the tracee's real parent ('parent ptrace'). */
    public boolean tracerIsParent() {
        return scenario.tracerIsParent();
    }

    /**
     * Null unless the tracee is a zombie nobody will reap: it is not ptraced (a tracer that
     * still holds it may wait or exit later), its parent is not init (init reaps), and that
     * parent ignores SIGCHLD, so neither exit_notify (it was ptraced then), nor the parent's
     * wait will ever release it: exit_ptrace, PTRACE_DETACH or the tracer's wait should have.
     */
    public String unreapedZombie(State s) {
        if (s.exitState() != TaskState.EXIT_ZOMBIE) return null;
        if ((s.get(Slots.PTRACE) & Slots.PT_PTRACED) != 0 || s.get(Slots.REAL_PARENT) == Slots.PARENT_INIT) return null;
        if (!scenario.parentIgnoresSigchld()) return null;
        return "the tracee is a zombie that nobody will reap: it is not ptraced any more and its parent ignores SIGCHLD";
    }

    /** Asleep in TASK_STOPPED in do_signal_stop's schedule() (the group stop's sleep). */
    public boolean traceeInGroupStopSleep(State s) {
        return tracee.inGroupStopSleep(s);
    }

    public State initial() {
        int[] v = new int[size];
        if (litmus != null) {
            for (Actor a : actors) a.init(v);
            return new State(v);
        }
        v[TASK_STATE] = TaskState.RUNNING;
        v[RESUME] = Actions.RESUME;
        int seq = 0;
        int union = 0;
        for (int e = 0; e < engineCount(); e++) {
            EngineSpec spec = scenario.engines().get(e);
            if (!spec.preattached()) continue;
            boolean owned = !scenario.owners().get(e).isEmpty();
            v[engine(e, E_OPS)] = Ops.LIVE;
            v[engine(e, E_FLAGS)] = spec.events();
            v[engine(e, E_REF)] = owned ? 2 : 1;
            v[engine(e, E_GHOST)] = owned ? EG_OWNER_REF : 0;
            v[engine(e, E_SEQ)] = seq++;
            v[ATTACHED] = EngineList.append(v[ATTACHED], e);
            union |= spec.events() | Events.REAP;
        }
        v[G_ATTACH_COUNT] = seq;
        v[UTRACE_FLAGS] = union;
        v[UTRACE_ALLOCATED] = seq > 0 ? 1 : 0;
        // The weak model tells the struct's init apart from the pointer's publication (pair B4, Slots.UTRACE_UNINIT).
        v[UTRACE_UNINIT] = config.weak() && seq == 0 ? 1 : 0;
        if ((union & Events.SYSCALL) != 0) v[TIF] |= Tif.SYSCALL_TRACE;
        for (Actor a : actors) a.init(v);
        return new State(v);
    }

    /** The step actor {@code a} takes from {@code s}, or null if it cannot move now. */
    public Transition step(State s, int a) {
        return step(s, a, false);
    }

    /** As {@link #step(State, int)}; {@code record} also fills in the human-readable detail. */
    public Transition step(State s, int a, boolean record) {
        return step(s, a, record, null);
    }

    /**
     * As {@link #step(State, int)}, recording into {@code footprint} (cleared first) what the
     * step read and wrote, for partial-order reduction. Sequentially consistent scenarios only.
     * The step is checked against the actor's declared may-footprint: a step outside it throws
     * an IllegalStateException ("footprint table incomplete"), so a reduction built on the
     * tables can never be silently unsound.
     */
    public Transition step(State s, int a, Footprint footprint) {
        if (weak != null || litmus != null) throw new IllegalStateException("footprints are recorded in sc scenarios only");
        footprint.clear();
        Transition t = step(s, a, false, footprint);
        if (t != null) {
            Footprint may = new Footprint(size);
            mayFootprint(s, a, may);
            int slot = footprint.outside(may);
            if (slot >= 0) {
                throw new IllegalStateException("footprint table incomplete: " + actorName(a) + " at '" + actors.get(a).op(s)
                    + "' touches slot " + slot + " (" + footprint.describe(slot) + ") outside its may-footprint ("
                    + may.describe(slot) + ")");
            }
        }
        return t;
    }

    private Transition step(State s, int a, boolean record, Footprint footprint) {
        Actor actor = actors.get(a);
        Ctx c = new Ctx(this, s.copyValues(), a, actor.base, record);
        c.fp = footprint;
        boolean memoryActor = actor instanceof MemoryActor;
        if (weak != null && !memoryActor) weak.begin(c, s);
        try {
            if (!actor.step(c)) return null;
        } catch (WeakMemory.Wait w) {
            return null; // a smp_mb() waits for this actor's store buffer to drain
        }
        if (litmus == null) forgetReleasedStops(c);
        if (weak != null && !memoryActor && !weak.end(c, s)) return null;
        return new Transition(a, c.info, c.detail, new State(c.v), c.obs);
    }

    /** A reusable in-place stepper over this model's states (sequential consistency only; one per thread). */
    public Stepper stepper() {
        return new Stepper(this);
    }

    /**
     * Actor {@code a}'s step in place on {@code c}'s buffer ({@link Stepper}): the same actor code
     * and upkeep as {@link #step(State, int, boolean, Footprint)} without the copy; false if disabled
     * (the caller undoes what the actor wrote before it found out).
     */
    boolean stepInPlace(Ctx c, int a) {
        Actor actor = actors.get(a);
        c.actor = a;
        c.base = actor.base;
        if (!actor.step(c)) return false;
        if (litmus == null) forgetReleasedStops(c);
        return true;
    }

    /**
     * True if some actor can take a step that changes the state. A state
     * where every enabled step leaves it unchanged (utrace_barrier retrying
     * forever) counts as stuck.
     */
    public boolean canProgress(State s) {
        for (int a = 0; a < actors.size(); a++) {
            Transition t = step(s, a);
            if (t != null && !t.after().equals(s)) return true;
        }
        return false;
    }

    /** Number of slots of this model's states. */
    public int stateSize() { return size; }

    /**
     * Actor {@code a}'s may-footprint in {@code s}, added to {@code may}: everything any step it can
     * still take may read or write (the tables are declared next to each actor's code).
     */
    public void mayFootprint(State s, int a, Footprint may) {
        actors.get(a).may(s, may);
        if (omittedFromMay >= 0) may.forget(omittedFromMay);
    }

    /**
     * Test seam, never set outside tests: a slot left out of every declared may-footprint, to show
     * that a wrong table entry is caught (FootprintTableTest). -1: none.
     */
    int omittedFromMay = -1;

    /** What actor {@code a} would do next (for traces of a state where it is blocked too). */
    public String where(State s, int a) {
        return actors.get(a).where(s);
    }

    /** The ghosts of a stop an engine asks for: both end when it no longer does (stop-is-sticky). */
    private static final int STOP_GHOSTS = EG_HELD_STOPPED | EG_STOP_ASKED | EG_LET_GO;

    /**
     * History upkeep after every step: an engine that no longer asks for the
     * stop (resumed, detached, torn down) no longer holds the tracee stopped,
     * nor asks for the stop its callback returned.
     */
    private void forgetReleasedStops(Ctx c) {
        Footprint fp = c.fp;
        for (int e = 0; e < engineCount(); e++) {
            if (fp != null && fp.writes(engine(e, E_OPS)) == 0 && fp.writes(engine(e, E_FLAGS)) == 0
                    && (fp.writes(engine(e, E_GHOST)) & STOP_GHOSTS) == 0) {
                // The step left this engine alone, so the upkeep after the step before already holds
                // for it and changes nothing: not part of this step's footprint (else every step would
                // read every engine). Checked, not assumed.
                c.fp = null;
                boolean stale = c.ghost(e, STOP_GHOSTS) && (c.ops(e) != Ops.LIVE || (c.flags(e) & Events.ENGINE_STOP) == 0);
                c.fp = fp;
                if (stale) throw new IllegalStateException("a stop ghost of " + engineName(e) + " outlived its release");
                continue;
            }
            if (c.ghost(e, STOP_GHOSTS) && (c.ops(e) != Ops.LIVE || (c.flags(e) & Events.ENGINE_STOP) == 0)) {
                c.ghostClear(e, STOP_GHOSTS);
            }
        }
    }

    /**
     * For a state where no actor can move: null if every actor may rightly
     * stay where it is (done, idle in user mode, held stopped by an engine,
     * waiting for a task that will not die, waiting at an ordering guard that
     * does not hold: {@link #unmetGuards}), else why not: a deadlock.
     */
    public String stuckProblem(State s) {
        // A StringBuilder, not String.join: this runs under Java PathFinder too, whose model of
        // java.lang.String (jpf-core java-17) has no join.
        StringBuilder problems = new StringBuilder();
        for (Actor a : actors) {
            String p = a.unmetGuard(s) == null ? a.stuckProblem(s) : null;
            if (p != null) problems.append(problems.length() == 0 ? "" : "; ").append(p);
        }
        return problems.length() == 0 ? null : problems.toString();
    }

    /**
     * For a state where no actor can move: null if no actor still waits at an
     * ordering guard ({@code after ACTOR:K}, {@code after tracee:STATE}) that
     * does not hold, else each such actor, its item and why the guard does not
     * hold. The event the scenario expected never came on this path: either the
     * kernel did not do what the scenario expects, or the guard cannot hold there.
     */
    public String unmetGuards(State s) {
        StringBuilder waits = new StringBuilder(); // not String.join: see stuckProblem
        for (Actor a : actors) {
            String w = a.unmetGuard(s);
            if (w != null) waits.append(waits.length() == 0 ? "" : "; ").append(w);
        }
        return waits.length() == 0 ? null : waits.toString();
    }

    /**
     * The {@code bits} of {@code slot} that actor {@code a} reads in {@code s}: under the weak memory model its
     * own buffered stores are laid over memory (store forwarding); under sc, memory (reading only those bits).
     * Invariants that judge a call's return on the state the call read use this for the caller's own stores (an
     * owner's engine flags and ops).
     */
    public int seenBy(State s, int a, int slot, int bits) {
        return weak == null ? s.bits(slot, bits) : weak.seenBy(s, a, slot, bits);
    }

    public boolean traceeDead(State s) { return tracee.dead(s); }

    /** The real parent's wait() has reaped the tracee (it is past wait_task_zombie): release_task is its. */
    public boolean parentReaped(State s) { return parent != null && !parent.atWait(s); }

    /** task->blocked in {@code s} (sigprocmask); 0 for a scenario whose tracee never blocks a signal. */
    public int blockedSignals(State s) {
        int slot = blockedSlot();
        return slot < 0 ? 0 : s.get(slot);
    }

    /** The slot of task->blocked, or -1 when the scenario's tracee never blocks a signal (footprints). */
    public int blockedSlot() { return tracee == null ? -1 : tracee.blockedSlot(); }

    /** In user mode with its script done and no signal or notify-resume work pending: it stays there. */
    public boolean traceeIdle(State s) { return tracee.idle(s) && !tracee.userWorkPending(s); }

    /** Asleep in TASK_INTERRUPTIBLE in a read() or pause(), no signal having woken it. */
    public boolean traceeSleepingInSyscall(State s) { return tracee.sleepingInSyscall(s); }

    public boolean traceeInUtraceStop(State s) { return tracee.inUtraceStop(s); }

    /**
     * The tracee sleeps in the utrace_stop() that utrace_report_exit() calls, and a live engine
     * wants it stopped (utrace.h, @report_exit: "Returning UTRACE_STOP here keeps @current stopped
     * before it cleans up its state and dies").
     */
    public boolean traceeHeldAtReportExit(State s) { return tracee.heldAtReportExit(s); }

    /** Null unless the tracee sleeps in a stop nobody will end, or in a system call a signal should have woken (then: which). */
    public String traceeLostWakeup(State s) {
        return tracee.asleep(s) ? tracee.lostWakeup(s) : tracee.syscallSleepLost(s);
    }

    /** Every variable by name, in a fixed order, for traces and state diffs. */
    public Map<String, String> describe(State s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (litmus != null) {
            litmus.describe(this, s, m);
            for (int a = 0; a < actors.size(); a++) if (!(actors.get(a) instanceof MemoryActor)) m.put("pc." + actorName(a), where(s, a));
            describeWeak(s, m);
            return m;
        }
        m.put("task.state", TaskState.name(s.taskState()));
        m.put("task.exit_state", TaskState.exitName(s.exitState()));
        m.put("task.pending", Signals.names(s.pendingSignals()));
        m.put("signal.shared_pending", Signals.names(s.get(SHARED_PENDING)));
        if (blockedSlot() >= 0) m.put("task.blocked", Signals.names(blockedSignals(s)));
        m.put("task.tif", Tif.names(s.tif()));
        m.put("task.utrace_flags", Events.names(s.utraceFlags()));
        m.put("task.utrace", s.get(UTRACE_ALLOCATED) != 0 ? "allocated" : "NULL");
        if (weak != null) m.put("utrace.initialised", s.get(UTRACE_UNINIT) != 0 ? "no" : "yes");
        m.put("signal.flags", signalFlagNames(s.get(SIGNAL_FLAGS)));
        m.put("task.jobctl", jobctlNames(s.get(JOBCTL)));
        m.put("task.ptrace", ptraceNames(s.get(PTRACE)));
        m.put("task.exit_code", exitCodeName(s));
        if (scenario.tracerIsParent()) m.put("task.real_parent", s.get(REAL_PARENT) == PARENT_INIT ? "init" : "ptrace");
        m.put("lock.utrace", holder(s, LOCK_UTRACE));
        m.put("lock.siglock", holder(s, LOCK_SIGLOCK));
        m.put("lock.tasklist", holder(s, LOCK_TASKLIST));
        m.put("lock.task", holder(s, LOCK_TASK));
        m.put("utrace.attached", EngineList.format(s.attached(), this::engineName));
        m.put("utrace.attaching", EngineList.format(s.attaching(), this::engineName));
        m.put("utrace.reporting", engineName(s.reporting()));
        m.put("utrace.resume", Actions.name(s.resume()));
        m.put("utrace.death", bit(s, U_DEATH));
        m.put("utrace.reap", bit(s, U_REAP));
        m.put("utrace.pending_attach", bit(s, U_PENDING_ATTACH));
        m.put("utrace.signal_handler", bit(s, U_SIGNAL_HANDLER));
        for (int e = 0; e < engineCount(); e++) {
            String p = "engine[" + engineName(e) + "].";
            m.put(p + "ops", Ops.name(s.engineOps(e)));
            m.put(p + "flags", Events.names(s.engineFlags(e)));
            m.put(p + "ref", Integer.toString(s.engineRef(e)));
        }
        for (int a = 0; a < actors.size(); a++) if (!(actors.get(a) instanceof MemoryActor)) m.put("pc." + actorName(a), where(s, a));
        if (ptracer != null) m.put("wait.ptrace", ptracer.lastWait(s));
        if (parent != null) m.put("wait.parent", parent.lastWait(s));
        m.put("history.wait_owed", waitOwedNames(s));
        m.put("history.signals_owed", Signals.names(s.get(G_SIG_OWED)));
        m.put("history.task", names(s.get(G_TASK), TASK_HISTORY));
        m.put("history.ptrace", names(s.get(G_PTRACE), PTRACE_HISTORY));
        for (int e = 0; e < engineCount(); e++) {
            String h = names(s.get(engine(e, E_GHOST)), ENGINE_HISTORY);
            // which events a 0 from utrace_set_events promised (set-events-errors reads E_MASK)
            int mask = s.get(engine(e, E_MASK));
            if ((s.get(engine(e, E_GHOST)) & EG_MASK_VALID) != 0) {
                h = h.replace("mask-valid", "mask-valid=" + Events.names(mask & ~E_MASK_AFTER_BARRIER)
                    + ((mask & E_MASK_AFTER_BARRIER) != 0 ? "(after-barrier)" : ""));
            } else if ((mask & E_MASK_AFTER_BARRIER) != 0) {
                h = (h.isEmpty() || h.equals("-") ? "" : h + "|") + "mask-at-barrier=" + Events.names(mask & ~E_MASK_AFTER_BARRIER);
            }
            m.put("history.engine[" + engineName(e) + "]", h);
        }
        describeWeak(s, m);
        return m;
    }

    /** The G_TASK bits, lowest first: what the task-wide invariants remember. */
    private static final String[] TASK_HISTORY = {"killed", "death-will-report", "death-began", "death-done",
        "reap-began", "torn-down", "pass-active", "pass-reverse", "sigcont-after-sigstop", "examining", "resumed-asked", "step-owed",
        "sigkill-untaken", "handler-set-up", "handler-pass"};

    /**
     * The G_PTRACE bits, lowest first: what ptrace asked for and holds (ptrace-step-kept, ptrace-request-not-spurious),
     * and what the tracee owes in signal delivery (handler-report-made, signal-action-honoured).
     */
    private static final String[] PTRACE_HISTORY = {"asked-syscall", "asked-sysemu", "asked-step", "holds",
        "utrace-step", "step-trap", "tracer-exited", "handler-report-asked", "signal-verdict-owed", "handler-report-owed"};

    /** The E_GHOST bits, lowest first: what the invariants remember of each engine (Slots.EG_*). */
    private static final String[] ENGINE_HISTORY = {"detach-returned-0", "in-callback", "death-called",
        "death-returned", "death-detached", "reap-called", "held-stopped", "mask-valid", "attached-in-pass",
        "owner-ref", "wanted-death", "freed", "stop-owed", "exit-stop", "stop-asked", "ran-since-examine",
        "callback-owed", "examining", "let-go", "mask-by-callback", "signal-report-owed", "step-chose"};

    private static String names(int bits, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) if ((bits & (1 << i)) != 0) b.append('|').append(names[i]);
        if ((bits >>> names.length) != 0) b.append("|0x").append(Integer.toHexString(bits >>> names.length << names.length));
        return b.length() == 0 ? "-" : b.substring(1);
    }

    /** task->exit_code: a stop's signal, or a dead task's status. */
    private static String exitCodeName(State s) {
        int code = s.get(EXIT_CODE);
        if (code == 0) return "0";
        if (s.exitState() != TaskState.EXIT_NONE) return code + " (" + WaitResult.name(WaitResult.ofExitStatus(code)) + ")";
        return code + " (" + Signals.nameOfNumber(code) + ")";
    }

    /** The G_WAIT history: which reports some waiter is owed, and what they carry. */
    private static String waitOwedNames(State s) {
        int w = s.get(G_WAIT);
        StringBuilder b = new StringBuilder();
        if ((w & GW_STOP_UNREPORTED) != 0) b.append("|stop");
        if ((w & GW_TRAP_OWED) != 0) b.append("|group-stop trap");
        if ((w & GW_EXIT_TRACER) != 0) b.append("|exit to the tracer");
        if ((w & GW_EXIT_PARENT) != 0) b.append("|exit to the parent");
        if (b.length() == 0) return "-";
        return b.substring(1) + ((w & (GW_STOP_UNREPORTED | GW_EXIT_TRACER | GW_EXIT_PARENT)) != 0
            ? " (" + WaitResult.name(s.get(G_WAIT_STATUS)) + ")" : "");
    }

    /** The weak model's store buffers and early loads (nothing in sc, so sc traces are unchanged). */
    private void describeWeak(State s, Map<String, String> m) {
        if (weak == null) return;
        for (int a = 0; a < actors.size(); a++) if (weak.buffered(a)) m.put("store_buffer." + actorName(a), weak.describeBuffer(s, a));
        for (int a = 0; a < actors.size(); a++) if (weak.hoisting(a)) m.put("early_load." + actorName(a), weak.describePrefetch(s, a));
    }

    /** Register {@code r} of litmus thread {@code t}. */
    int litmusRegister(State s, int t, int r) {
        return s.get(actors.get(t).base + 1 + r);
    }

    /** True if no actor has a buffered store or an early load pending (always in sc). */
    public boolean memoryQuiet(State s) {
        if (weak == null) return true;
        for (int a = 0; a < actors.size(); a++) if (!weak.empty(s, a) || weak.prefetchPending(s, a)) return false;
        return true;
    }

    /** Names of the marked variables and their values in the weak model's buffers. */
    private final class VarNames implements WeakMemory.Names {
        @Override public String var(int slot, int mask) {
            if (litmus != null) return litmus.vars().get(slot);
            if (slot == REPORTING) return "utrace.reporting";
            if (slot == UTRACE_FLAGS) return "task.utrace_flags";
            if (slot == EXIT_STATE) return "task.exit_state";
            if (slot == RESUME) return "utrace.resume";
            if (slot == UTRACE_ALLOCATED) return "task.utrace";
            if (slot == UTRACE_UNINIT) return "utrace.initialised";
            if (slot == TIF) return "task.tif " + Tif.names(mask);
            if (slot >= GLOBALS && slot < GLOBALS + ENGINE_SLOTS * engineCount()) {
                int e = (slot - GLOBALS) / ENGINE_SLOTS;
                int f = (slot - GLOBALS) % ENGINE_SLOTS;
                return "engine[" + engineName(e) + "]." + (f == E_OPS ? "ops" : f == E_FLAGS ? "flags" : "field" + f);
            }
            return "slot " + slot;
        }

        @Override public Barrier storeBarrier(int slot, int value) {
            if (litmus != null) return null;
            if (slot == REPORTING) return Barrier.B1_READER;
            if (slot == UTRACE_FLAGS) return Barrier.B3_WRITER;
            if (slot == EXIT_STATE) return Barrier.B3_READER;
            if (slot == RESUME) return Barrier.B5_WRITER;
            if (slot == UTRACE_ALLOCATED || slot == UTRACE_UNINIT) return Barrier.B4_WRITER;
            if (slot == TIF) return value != 0 ? Barrier.B5_WRITER : Barrier.B5_READER;
            if (slot >= GLOBALS && slot < GLOBALS + ENGINE_SLOTS * engineCount()) return Barrier.B2_WRITER;
            return null;
        }

        @Override public Barrier loadBarrier(int slot) {
            if (litmus != null) return null;
            if (slot == UTRACE_ALLOCATED || slot == UTRACE_UNINIT) return Barrier.B4_READER;
            if (slot >= GLOBALS && slot < GLOBALS + ENGINE_SLOTS * engineCount()) return Barrier.B2_READER;
            return null;
        }

        @Override public String value(int slot, int mask, int value) {
            if (litmus != null) return Integer.toString(value);
            if (slot == REPORTING) return engineName(value - 1);
            if (slot == UTRACE_FLAGS) return Events.names(value);
            if (slot == EXIT_STATE) return TaskState.exitName(value);
            if (slot == RESUME) return Actions.name(value);
            if (slot == UTRACE_ALLOCATED) return value != 0 ? "allocated" : "NULL";
            if (slot == UTRACE_UNINIT) return value != 0 ? "no" : "yes";
            if (slot == TIF) return value != 0 ? "set" : "clear";
            if (slot >= GLOBALS && slot < GLOBALS + ENGINE_SLOTS * engineCount()) {
                int f = (slot - GLOBALS) % ENGINE_SLOTS;
                if (f == E_OPS) return Ops.name(value);
                if (f == E_FLAGS) return Events.names(value);
            }
            return Integer.toString(value);
        }
    }

    private static String signalFlagNames(int f) {
        if (f == 0) return "0";
        StringBuilder b = new StringBuilder();
        if ((f & SIGNAL_STOP_STOPPED) != 0) b.append("|STOP_STOPPED");
        if ((f & SIGNAL_GROUP_EXIT) != 0) b.append("|GROUP_EXIT");
        int code = (f & SIGNAL_GROUP_EXIT_SIG) >> SIGNAL_GROUP_EXIT_SIG_SHIFT;
        if (code != 0) b.append("|group_exit_code=").append(Signals.nameOfNumber(code));
        return b.substring(1);
    }

    static String jobctlNames(int j) {
        if (j == 0) return "0";
        StringBuilder b = new StringBuilder();
        if ((j & JOBCTL_STOP_DEQUEUED) != 0) b.append("|STOP_DEQUEUED");
        if ((j & JOBCTL_STOP_PENDING) != 0) b.append("|STOP_PENDING");
        if ((j & JOBCTL_TRAP_STOP) != 0) b.append("|TRAP_STOP");
        if ((j & JOBCTL_TRAPPING) != 0) b.append("|TRAPPING");
        if ((j & JOBCTL_TRAP_NOTIFY) != 0) b.append("|TRAP_NOTIFY");
        int known = JOBCTL_STOP_DEQUEUED | JOBCTL_STOP_PENDING | JOBCTL_TRAP_STOP | JOBCTL_TRAPPING | JOBCTL_TRAP_NOTIFY;
        if ((j & ~known) != 0) b.append("|0x").append(Integer.toHexString(j & ~known));
        return b.substring(1);
    }

    private static String ptraceNames(int pt) {
        if (pt == 0) return "0";
        StringBuilder b = new StringBuilder();
        if ((pt & PT_PTRACED) != 0) b.append("|PT_PTRACED");
        if ((pt & PT_SYSCALL_TRACE) != 0) b.append("|PT_SYSCALL_TRACE");
        if ((pt & PT_SINGLE_STEP) != 0) b.append("|PT_SINGLE_STEP");
        if ((pt & PT_SINGLE_BLOCK) != 0) b.append("|PT_SINGLE_BLOCK");
        return b.substring(1);
    }

    private String holder(State s, int lock) {
        int h = s.lockHolder(lock);
        return h < 0 ? "free" : actorName(h);
    }

    private static String bit(State s, int bit) {
        return s.utraceBit(bit) ? "1" : "0";
    }
}
