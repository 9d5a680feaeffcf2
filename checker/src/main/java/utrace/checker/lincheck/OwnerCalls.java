package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random engine-API call sequences for one engine's owner, drawn from the
 * calls a situation allows. Seeded: the same Random state gives the same calls.
 */
final class OwnerCalls {
    private OwnerCalls() {}

    static final String[] ACTIONS = {"STOP", "INTERRUPT", "REPORT", "SINGLESTEP", "BLOCKSTEP", "RESUME", "DETACH"};
    static final String[] MASKS = {"0", "QUIESCE", "QUIESCE|EXIT", "DEATH|REAP", "QUIESCE|DEATH|REAP", "SYSCALL_EXIT", "REAP"};
    /** Masks without QUIESCE and DEATH (_UTRACE_DEATH_EVENTS). */
    static final String[] MASKS_NO_DEATH = {"0", "REAP", "EXIT|REAP", "SYSCALL_EXIT"};

    /**
     * {@code n} calls on engine {@code e}: attach first if it is not
     * preattached, put only as the last call (using an engine after putting
     * it is a caller bug, not a race).
     */
    static List<PlannedOp> random(Random rnd, String e, boolean preattached, int n, String[] actions, String[] masks) {
        return random(rnd, e, preattached, n, actions, masks, true);
    }

    /** As above; without utrace_barrier when {@code barrier} is false. */
    static List<PlannedOp> random(Random rnd, String e, boolean preattached, int n, String[] actions, String[] masks,
            boolean barrier) {
        List<PlannedOp> ops = new ArrayList<>();
        if (!preattached) ops.add(PlannedOp.attach(e));
        while (ops.size() < n) {
            switch (rnd.nextInt(barrier ? 4 : 3)) {
                case 0: ops.add(PlannedOp.setEvents(e, masks[rnd.nextInt(masks.length)])); break;
                case 1: ops.add(PlannedOp.control(e, actions[rnd.nextInt(actions.length)])); break;
                case 3: ops.add(PlannedOp.barrier(e)); break;
                default: ops.add(PlannedOp.examine(e)); break;
            }
        }
        if (rnd.nextInt(4) == 0) ops.add(PlannedOp.put(e));
        return ops;
    }
}
