package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** `--full-state`: the whole state after every step, changed variables marked, on top of the full view. */
class TextRendererFullStateTest {
    @Test void printsTheInitialStateAndEveryStateAfterAStep() throws Exception {
        Trace t = Fixtures.reapTrace();
        String text = TextRenderer.render(t, TextRenderer.Detail.FULL_STATE);
        List<Map<String, String>> states = TraceStates.of(t);
        assertTrue(text.contains("Initial state (" + t.initialFingerprint() + "):"), text);
        for (Trace.Step s : t.steps()) {
            int at = text.indexOf("state after step " + s.index() + " (" + s.fingerprint() + ")");
            assertTrue(at > 0, "state after step " + s.index());
            int next = s.index() == t.steps().size() ? text.indexOf("Final state") : text.indexOf("state after step " + (s.index() + 1) + " (");
            String block = text.substring(at, next);
            for (Map.Entry<String, String> e : states.get(s.index()).entrySet()) {
                String line = e.getKey() + " = " + e.getValue();
                boolean changed = s.changes().stream().anyMatch(c -> c.var().equals(e.getKey()));
                assertTrue(block.contains((changed ? "* " : "  ") + line.substring(0, Math.min(line.length(), 60))),
                    "step " + s.index() + ": " + line + (changed ? " marked changed" : ""));
            }
        }
    }

    @Test void theOtherViewsShowNoWholeStates() throws Exception {
        Trace t = Fixtures.reapTrace();
        assertEquals(TextRenderer.render(t), TextRenderer.render(t, TextRenderer.Detail.BRIEF));
        assertFalse(TextRenderer.render(t).contains("state after step"));
        assertFalse(TextRenderer.render(t, TextRenderer.Detail.FULL).contains("state after step"));
        String full = TextRenderer.render(t, TextRenderer.Detail.FULL);
        String fullState = TextRenderer.render(t, TextRenderer.Detail.FULL_STATE);
        int header = full.indexOf("Interleaving");
        assertEquals(full.substring(0, header), fullState.substring(0, header), "same header and summary");
    }
}
