package utrace.invariants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of every invariant the checker knows, by name. */
public final class Invariants {
    private Invariants() {}

    private static final Map<String, Invariant> ALL = new LinkedHashMap<>();

    static {
        for (Invariant i : List.of(new ReapAfterDeath(), new NothingAfterReap(), new SigkillWins(),
                new StopIsSticky(), new StopZeroMeansStopped(), new StopEinprogressMeansCallback(), new ExitStopHolds(), new DetachIsFinal(), new ControlErrors(), new BarrierMeansQuiet(),
                new SetEventsErrors(), new AttachErrors(), new AttachOrdering(), new ExamineMeansUnscheduled(), new NoEngineLeak(), new DeadlockFreedom(), new GuardLiveness(), new EventsReported(), new SignalReportAction(), new HandlerReportMade(), new SignalActionHonoured(),
                new SyscallTraceConsistent(), new PtraceStepKept(), new QuiescentNeedsBoth(), new NoLostWakeup(),
                new AttachedListQuiescent(), new PtraceRequestNotSpurious(), new NoSignalLoss(),
                new NoUnrequestedCallback(), new ReportNotLost(), new UtraceStructInitialised(), new JobctlBeforeSignals(),
                new GroupStopHolds(), new SigcontEndsStop(), new WaitReportsOnce(), new WaitReportCorrect(),
                new WaitLiveness(), new SignalDelivered(), new TracedZombieReleased(), new PtraceReturnAsStated(),
                new CallbackPromised(), new LockDiscipline(), new EngineStepKept(), new SyscallRestart(),
                new LivelockFreedom())) {
            ALL.put(i.name(), i);
        }
    }

    public static List<Invariant> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    /** The invariant of that name, or null. */
    public static Invariant byName(String name) {
        return ALL.get(name);
    }

    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }
}
