package utrace.checker.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import utrace.checker.explore.FastFingerprint;
import utrace.checker.explore.FingerprintSet;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Which results a scenario states (its assertions: {@code detach -> 0}, {@code wait -> stopped SIGSTOP},
 * {@code parent wait -> exited 5}) are checked on no path at all. The invariants judge a stated result where
 * the call returns; a call that returns on no path was never judged, and a PASS says nothing about it (SPIN
 * reports such code as "unreached"). A wait that blocks for good with a stated result is wait-report-correct's
 * already; what is left is a call behind a wait that states nothing and blocks, or behind a loop that never
 * ends. One exact breadth-first search of the full series, stopped as soon as every stated result is reached.
 */
public final class StatedResultsReach {
    private StatedResultsReach() {}

    /**
     * What the search found: the stated results no reachable state has checked ({@code cut}: the search stopped
     * at the state limit first, so they may be reached further on).
     */
    public record Result(List<String> unreached, boolean cut) {
        public Result {
            unreached = List.copyOf(unreached);
        }
    }

    public static Result search(Model model, long maxStates) {
        List<String> stated = model.statedResults();
        boolean[] reached = new boolean[stated.size()];
        int left = stated.size();
        FingerprintSet seen = new FingerprintSet();
        ArrayDeque<State> queue = new ArrayDeque<>();
        State init = model.initial();
        seen.add(FastFingerprint.of(init));
        queue.add(init);
        boolean cut = false;
        while (!queue.isEmpty() && left > 0) {
            State s = queue.poll();
            for (int k = 0; k < reached.length; k++) {
                if (!reached[k] && model.statedResultChecked(s, k)) {
                    reached[k] = true;
                    left--;
                }
            }
            for (int a = 0; a < model.actorCount() && left > 0; a++) {
                Transition t = model.step(s, a);
                if (t == null || !seen.add(FastFingerprint.of(t.after()))) continue;
                if (maxStates > 0 && seen.size() > maxStates) {
                    cut = true;
                    break;
                }
                queue.add(t.after());
            }
            if (cut) break;
        }
        List<String> unreached = new ArrayList<>();
        for (int k = 0; k < reached.length; k++) if (!reached[k]) unreached.add(stated.get(k));
        return new Result(unreached, cut && !unreached.isEmpty());
    }
}
