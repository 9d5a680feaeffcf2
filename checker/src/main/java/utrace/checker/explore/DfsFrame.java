package utrace.checker.explore;

import java.util.ArrayList;
import java.util.List;

import utrace.model.State;

/**
 * One state on a depth-first search's current path (DepthFirstExplorer, SwarmExplorer): the actor
 * whose step reached it, which actor to try next, and whether any step so far changed it (a state
 * whose every enabled step leaves it unchanged is stuck: its terminal checks run).
 */
final class DfsFrame {
    final State state;
    final int via;
    int next;
    boolean progressed;

    DfsFrame(State state, int via) {
        this.state = state;
        this.via = via;
    }

    /** The actor schedule from the initial state along {@code stack}, plus {@code lastActor} if >= 0. */
    static List<Integer> path(List<DfsFrame> stack, int lastActor) {
        List<Integer> out = new ArrayList<>(stack.size());
        for (int i = 1; i < stack.size(); i++) out.add(stack.get(i).via);
        if (lastActor >= 0) out.add(lastActor);
        return out;
    }
}
