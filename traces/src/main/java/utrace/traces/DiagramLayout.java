package utrace.traces;

import java.util.List;

/**
 * Where things go in a trace's sequence diagram: one lane per actor (memory
 * actors of the weak model get narrower lanes), then one narrow lane per
 * engine; one row per step, a story step's row tall enough for two lines, an
 * internal step's row a single thin line. Lane widths shrink with the number
 * of lanes so that six actors, two engines and the state panel fit a
 * 1400-pixel window; the page scales the diagram down further if it must
 * (the lane headers are a separate sticky strip of the same width).
 */
final class DiagramLayout {
    static final int LEFT = 56;
    static final int TOP = 30;
    static final int ROW = 46;
    static final int ROW_INTERNAL = 24;
    static final int ENGINE_COL = 84;
    static final int MEMORY_COL = 124;
    static final int HEAD_H = 46;
    /** The width the diagram aims at: a 1400-pixel window less the state panel and margins. */
    static final int TARGET_WIDTH = 1060;
    private static final int MIN_COL = 148;
    private static final int MAX_COL = 236;

    final List<String> actors;
    final List<String> roles;
    final List<String> engines;
    final int actorCol;
    final int[] laneX;
    final int[] laneW;
    final int[] rowTop;
    final int[] rowH;
    final int width;
    final int bottom;
    final int height;

    DiagramLayout(Trace t, List<StepEvents.Story> stories, boolean endRow) {
        actors = TraceActors.actors(t);
        engines = TraceActors.engines(t);
        roles = new java.util.ArrayList<>();
        int memory = 0;
        for (String a : actors) {
            String r = TraceSummary.role(t, a);
            roles.add(r);
            if (r.equals("memory")) memory++;
        }
        int plain = Math.max(1, actors.size() - memory);
        int room = TARGET_WIDTH - LEFT - 16 - 35 - ENGINE_COL * engines.size() - MEMORY_COL * memory;
        actorCol = Math.max(MIN_COL, Math.min(MAX_COL, room / plain));
        laneX = new int[actors.size()];
        laneW = new int[actors.size()];
        // A story box is wider than its lane: the first lane's must not cover the step numbers.
        int x = LEFT + (actors.isEmpty() || roles.get(0).equals("memory") ? 0 : Math.max(0, storyWidth(actorCol) - actorCol) / 2);
        for (int a = 0; a < actors.size(); a++) {
            laneW[a] = roles.get(a).equals("memory") ? MEMORY_COL : actorCol;
            laneX[a] = x + laneW[a] / 2;
            x += laneW[a];
        }
        int enginesStart = x;
        width = enginesStart + ENGINE_COL * engines.size() + 16;
        int n = t.steps().size();
        rowTop = new int[n + 2];
        rowH = new int[n + 2];
        int y = TOP;
        for (int i = 1; i <= n; i++) {
            boolean small = stories.get(i - 1).internal() && i != n;
            rowTop[i] = y;
            rowH[i] = small ? ROW_INTERNAL : ROW;
            y += rowH[i];
        }
        rowTop[n + 1] = y;
        rowH[n + 1] = endRow ? ROW : 0;
        bottom = y + rowH[n + 1];
        height = bottom + 16;
        this.enginesStart = enginesStart;
    }

    private final int enginesStart;

    int actorX(String actor) {
        int a = actors.indexOf(actor);
        return a < 0 ? -1 : laneX[a];
    }

    int engineX(String engine) {
        int e = engines.indexOf(engine);
        return e < 0 ? -1 : enginesStart + ENGINE_COL * e + ENGINE_COL / 2;
    }

    /** The width of an internal step's box on actor {@code a}'s lane (room is left for lock bars). */
    int boxW(int a) {
        return laneW[a] - (roles.get(a).equals("memory") ? 16 : 34);
    }

    /**
     * The width of a story step's box: wider than the lane, since no other box shares its row and its
     * first line says what happened ("utrace_control(E1, RESUME) = 0" should not be cut).
     */
    int storyBoxW(int a) {
        return Math.max(boxW(a), storyWidth(laneW[a]));
    }

    /**
     * Narrow lanes (many actors) get boxes wider than the lane; wide lanes keep 36 pixels between the boxes
     * of neighbouring lanes, room for the arrows between them and their labels.
     */
    private static int storyWidth(int lane) {
        return lane >= 200 ? lane - 36 : Math.min(234, lane + 86);
    }

    /** Where actor {@code a}'s lock bars start (left of the widest box its steps can have). */
    int lockBarX(int a) {
        return laneX[a] - storyBoxW(a) / 2;
    }

    int rowY(int i) {
        return rowTop[i] + rowH[i] / 2;
    }
}
