package utrace.model;

import static utrace.model.Slots.*;

/**
 * wait_task_inactive(p, match_state) (kernel/sched.c of 3.1) as the waiter's
 * step: while p is on a CPU, a lock-free busy-wait that gives up when p->state
 * stops matching; once p is off the CPU, the re-check under the runqueue lock,
 * "if (!match_state || p->state == match_state) ncsw = p->nvcsw | LONG_MIN".
 * Patch 13 turns the busy-wait's test into a bitmask test ("p->state &
 * match_state"); the locked re-check it leaves comparing with ==, so a task
 * asleep in TASK_TRACED|TASK_UTRACED does not match TASK_TRACED.
 *
 * One step stands for the whole loop: the busy-wait's iterations that see the
 * state still matching change nothing (the step waits), and the step is taken
 * either while p runs with a state that no longer matches (the busy-wait
 * gives up) or once p sleeps (the locked re-check decides).
 */
final class WaitTaskInactive {
    private WaitTaskInactive() {}

    /** p still runs towards schedule() with a matching state: the caller's step waits. */
    static final int SPIN = -1;
    /** The state changed: wait_task_inactive() returns 0. */
    static final int CHANGED = 0;

    /** SPIN, CHANGED, or the switch count (nonzero: bit 8 set, as LONG_MIN's MSB) once p sleeps in match_state. */
    static int call(Ctx c, Tracee p, int matchState) {
        int state = c.get(TASK_STATE);
        if (!p.asleepIn(c)) {
            // while (task_running(rq, p)) if (match_state && unlikely(p->state != match_state)) return 0;
            boolean matches = c.cfg.has(13) ? (state & matchState) != 0 : state == matchState;
            if (matches) return SPIN;
            if (c.record) c.note("wait_task_inactive: busy-wait sees " + TaskState.name(state) + ", not " + TaskState.name(matchState)
                + ": returns 0");
            return CHANGED;
        }
        if (state != matchState) {
            if (c.record) c.note("wait_task_inactive: off the CPU in " + TaskState.name(state) + ", which is not "
                + TaskState.name(matchState) + " (the locked re-check compares with ==): returns 0");
            return CHANGED;
        }
        return 0x100 | c.get(NCSW);
    }
}
