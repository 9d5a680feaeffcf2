package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TextRendererTest {
    @Test void showsEveryActorTheViolationAndTheStatement() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        String text = TextRenderer.render(t);

        List<String> lines = List.of(text.split("\n"));
        String header = lines.stream().filter(l -> l.startsWith("step |")).findFirst().orElseThrow();
        for (Trace.Step s : t.steps()) assertTrue(header.contains(s.actorName()), s.actorName() + " has a column");
        assertEquals(3, header.chars().filter(c -> c == '|').count(), "one column per stepping actor: " + header);

        assertTrue(text.contains(t.violation().message()));
        String statementStart = t.invariant().statement().substring(0, 40);
        assertTrue(text.contains(statementStart));
        assertTrue(text.contains("Scenario:  stop-then-kill"));
        assertTrue(text.contains("mutations=utrace-stop-ignores-fatal-signal"));
        assertEquals(1, lines.stream().filter(l -> l.endsWith("<-- violation")).count());
        String marked = lines.stream().filter(l -> l.endsWith("<-- violation")).findFirst().orElseThrow();
        assertTrue(marked.startsWith(String.format("%4d |", t.steps().size())), marked);
        assertTrue(text.contains("task.pending: {} -> {SIGKILL}"), "changes show as var: old -> new");
        assertTrue(text.endsWith("\n"));
        // Ends with the violation and the statement.
        int violation = text.lastIndexOf(t.violation().message());
        assertTrue(violation > text.lastIndexOf("Final state"));
        assertTrue(text.lastIndexOf(statementStart) > violation);
    }

    @Test void everyStepShowsItsPatchAndSeedLine() throws Exception {
        Trace t = Fixtures.reapTrace();
        // the cells without the column rules: a wrapped cell's lines join up again
        String text = TextRenderer.render(t).replace("|", " ").replaceAll("\\s+", " ");
        for (Trace.Step s : t.steps()) {
            String where = s.patch() == 0 ? "[" + s.seedRef() + "]" : "[patch " + String.format("%02d", s.patch()) + ", " + s.seedRef() + "]";
            assertTrue(text.contains(where), "step " + s.index() + " shows " + where);
        }
    }

    @Test void actorColumnsAreInTheirOwnPlace() throws Exception {
        Trace t = Fixtures.reapTrace();
        String text = TextRenderer.render(t);
        List<String> lines = List.of(text.split("\n"));
        String header = lines.stream().filter(l -> l.startsWith("step |")).findFirst().orElseThrow();
        int parentCol = header.indexOf("| parent");
        Trace.Step parentStep = t.steps().stream().filter(s -> s.actorName().equals("parent")).findFirst().orElseThrow();
        String row = lines.stream().filter(l -> l.startsWith(String.format("%4d |", parentStep.index())))
            .findFirst().orElseThrow();
        assertEquals(parentCol, row.indexOf("| " + parentStep.function()), "the parent's step sits in its column:\n" + row);
    }

    @Test void linesStayReadable() throws Exception {
        String text = TextRenderer.render(Fixtures.reapTrace());
        List<String> tooLong = List.of(text.split("\n")).stream()
            .filter(l -> l.length() > TextRenderer.WIDTH + " <-- violation".length() + 1).collect(Collectors.toList());
        assertEquals(List.of(), tooLong);
        assertFalse(text.contains(" \n"), "no trailing spaces");
    }

    @Test void aTraceWithoutStepsStillRenders() throws Exception {
        String text = TextRenderer.render(Fixtures.withSteps(Fixtures.reapTrace(), List.of()));
        assertTrue(text.contains("No steps: the initial state"), text);
        assertTrue(text.contains("Final state (initial state):"), text);
    }

    @Test void renderingIsDeterministic() throws Exception {
        assertEquals(TextRenderer.render(Fixtures.reapTrace()), TextRenderer.render(Fixtures.reapTrace()));
    }
}
