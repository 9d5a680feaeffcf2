package utrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When each lock was held and by whom, from the whole states of a trace: the
 * model names a lock's holder in a variable "lock.NAME" (Model.describe:
 * utrace->lock, siglock, tasklist_lock, task_lock), "free" when nobody holds it.
 */
final class LockHolds {
    private LockHolds() {}

    /**
     * Held from the state after step {@code from} (0 = initial state) to the
     * state after step {@code to} inclusive: taken by step from, released by
     * step to + 1 (if there is one).
     */
    record Hold(String lock, int lockIndex, String holder, int from, int to) {}

    static final String PREFIX = "lock.";

    /** The lock variables in the order the states list them. */
    static List<String> locks(Map<String, String> state) {
        List<String> out = new ArrayList<>();
        for (String var : state.keySet()) if (var.startsWith(PREFIX)) out.add(var);
        return out;
    }

    static List<Hold> of(List<Map<String, String>> states) {
        List<Hold> out = new ArrayList<>();
        if (states.isEmpty()) return out;
        List<String> locks = locks(states.get(0));
        for (int k = 0; k < locks.size(); k++) {
            String lock = locks.get(k);
            String holder = null;
            int from = 0;
            for (int i = 0; i < states.size(); i++) {
                String h = states.get(i).get(lock);
                if (h == null || h.equals("free")) h = null;
                if (h != null && h.equals(holder)) continue;
                if (holder != null) out.add(new Hold(lock.substring(PREFIX.length()), k, holder, from, i - 1));
                holder = h;
                from = i;
            }
            if (holder != null) out.add(new Hold(lock.substring(PREFIX.length()), k, holder, from, states.size() - 1));
        }
        return out;
    }
}
