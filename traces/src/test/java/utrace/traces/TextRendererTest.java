package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import utrace.model.Obs;

class TextRendererTest {
    private static final Pattern HEADER = Pattern.compile("^ *step \\|.*");
    private static final Pattern STEP_ROW = Pattern.compile("^ *(\\d+)(?:-(\\d+))? \\|.*");

    @Test void showsEveryActorTheViolationAndTheStatement() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        String text = TextRenderer.render(t);

        List<String> lines = List.of(text.split("\n"));
        String header = lines.stream().filter(l -> HEADER.matcher(l).matches()).findFirst().orElseThrow();
        for (Trace.Step s : t.steps()) assertTrue(header.contains(s.actorName()), s.actorName() + " has a column");
        assertEquals(3, header.chars().filter(c -> c == '|').count(), "one column per stepping actor: " + header);

        assertTrue(text.indexOf(t.violation().message()) < text.indexOf("What each actor did"), "the header ends with the violation");
        assertTrue(text.indexOf("What each actor did") < text.indexOf("Interleaving"), "the summary comes before the interleaving");
        String statementStart = t.invariant().statement().substring(0, 40);
        assertTrue(text.contains(statementStart));
        assertTrue(text.contains("Scenario:  stop-then-kill"));
        assertTrue(text.contains("mutations=utrace-stop-ignores-fatal-signal"));
        assertEquals(1, lines.stream().filter(l -> l.endsWith("<-- violation")).count());
        String marked = lines.stream().filter(l -> l.endsWith("<-- violation")).findFirst().orElseThrow();
        assertTrue(marked.matches(" *" + t.steps().size() + " \\|.*"), marked);
        assertTrue(text.endsWith("\n"));
        int violation = text.lastIndexOf(t.violation().message());
        assertTrue(violation > text.lastIndexOf("Final state"));
        assertTrue(text.lastIndexOf(statementStart) > violation);
    }

    /** As SPIN's trail shows file:line: every step of the full view names its patch and its line of the seed. */
    @Test void everyStepShowsItsPatchAndSeedLine() throws Exception {
        Trace t = Fixtures.reapTrace();
        // the cells without the column rules: a wrapped cell's lines join up again
        String text = TextRenderer.render(t, TextRenderer.Detail.FULL).replace("|", " ").replaceAll("\\s+", " ");
        for (Trace.Step s : t.steps()) {
            String where = s.patch() == 0 ? "[" + s.seedRef() + "]" : "[patch " + String.format("%02d", s.patch()) + ", " + s.seedRef() + "]";
            assertTrue(text.contains(where), "step " + s.index() + " shows " + where);
        }
    }

    @Test void theFullViewShowsEveryStepAndWhatItChanged() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        String text = TextRenderer.render(t, TextRenderer.Detail.FULL);
        for (Trace.Step s : t.steps()) {
            assertTrue(Pattern.compile("(?m)^ *" + s.index() + " \\|").matcher(text).find(), "step " + s.index() + " has a row");
        }
        assertTrue(text.contains("task.pending: {} -> {SIGKILL}"), "changes show as var: old -> new");
        assertFalse(TextRenderer.render(t).contains("task.pending: {} -> {SIGKILL}"), "the brief view leaves them to --full");
    }

    /**
     * The brief view: every step is in exactly one row (its own or a folded run); every step where the model
     * observed a callback, an API call or ptrace request returning, a stop or a signal dequeued, and every step
     * that changed the tracee's task state or pending signals, has a row of its own; the last step too.
     */
    @Test void theBriefViewFoldsOnlyInternalSteps() throws Exception {
        List<Trace> traces = new ArrayList<>();
        Counterexamples.Found f = Fixtures.stopThenKill();
        traces.add(TraceBuilder.build(f.model(), f.schedule(), f.violation()));
        traces.add(Fixtures.reapTrace());
        for (String name : List.of("matrix-p17", "matrix-p25-clear", "matrix-b2-reader", "detach-ignores-reporting")) {
            traces.add(CorpusTraces.read(name));
        }
        for (Trace t : traces) {
            String text = TextRenderer.render(t);
            int[] rows = new int[t.steps().size() + 1];
            boolean[] own = new boolean[t.steps().size() + 1];
            for (String line : text.split("\n")) {
                Matcher m = STEP_ROW.matcher(line);
                if (!m.matches()) continue;
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                for (int i = from; i <= to; i++) rows[i]++;
                if (m.group(2) == null && !line.contains("internal step")) own[from] = true;
            }
            List<List<Obs>> obs = CorpusTraces.observations(t);
            String name = t.scenario().name() + "/" + t.invariant().name();
            for (Trace.Step s : t.steps()) {
                assertEquals(1, rows[s.index()], name + ": step " + s.index() + " is in one row");
                // EVENT_UNREPORTED and REPORT_STARTED (a hook passed with no report, a pass begun) are for
                // events-reported only: not part of the story
                boolean story = obs.get(s.index() - 1).stream()
                        .anyMatch(o -> o.kind() != Obs.Kind.EVENT_UNREPORTED && o.kind() != Obs.Kind.REPORT_STARTED)
                    || s.index() == t.steps().size()
                    || s.changes().stream().anyMatch(c -> c.var().equals("task.pending") || c.var().equals("task.state"));
                if (story) assertTrue(own[s.index()], name + ": step " + s.index() + " (" + s.function() + ") has its own row:\n" + text);
            }
            assertTrue(text.contains("internal step"), name + ": something is folded");
        }
    }

    @Test void actorColumnsAreInTheirOwnPlace() throws Exception {
        Trace t = Fixtures.reapTrace();
        String text = TextRenderer.render(t, TextRenderer.Detail.FULL);
        List<String> lines = List.of(text.split("\n"));
        String header = lines.stream().filter(l -> HEADER.matcher(l).matches()).findFirst().orElseThrow();
        int parentCol = header.indexOf("| parent");
        Trace.Step parentStep = t.steps().stream().filter(s -> s.actorName().equals("parent")).findFirst().orElseThrow();
        String row = lines.stream().filter(l -> l.matches(" *" + parentStep.index() + " \\|.*")).findFirst().orElseThrow();
        assertEquals(parentCol, row.indexOf("| " + parentStep.function()), "the parent's step sits in its column:\n" + row);
    }

    @Test void linesStayReadable() throws Exception {
        for (TextRenderer.Detail d : TextRenderer.Detail.values()) {
            String text = TextRenderer.render(Fixtures.reapTrace(), d);
            List<String> tooLong = List.of(text.split("\n")).stream()
                .filter(l -> l.length() > TextRenderer.WIDTH + " <-- violation".length() + 1).collect(Collectors.toList());
            assertEquals(List.of(), tooLong, d.toString());
            assertFalse(text.contains(" \n"), "no trailing spaces");
        }
    }

    /** No kernel function is ever cut in two (today's 28-character columns made "tracehook_report_syscall_ent" / "ry:"). */
    @Test void noFunctionNameIsCutInAnyCorpusTrace() throws Exception {
        for (Path p : CorpusTraces.files()) {
            Trace t = TraceReader.read(p);
            String full = TextRenderer.render(t, TextRenderer.Detail.FULL);
            for (Trace.Step s : t.steps()) {
                if (s.function().contains(" ")) continue; // "user mode", "debugger wait": may wrap between their words
                assertTrue(full.contains(s.function() + ":"), p + ": step " + s.index() + " " + s.function());
            }
            // Every step's row is as wide as the header's rule at most (the columns fit their content).
            List<String> lines = List.of(full.split("\n"));
            String rule = lines.stream().filter(l -> l.startsWith("-----")).findFirst().orElseThrow();
            for (String l : lines) {
                if (STEP_ROW.matcher(l).matches()) {
                    assertTrue(l.replace("  <-- violation", "").length() <= rule.length(), p + ": a cell overflows its column:\n" + l);
                }
            }
        }
    }

    @Test void aTraceWithoutStepsStillRenders() throws Exception {
        String text = TextRenderer.render(Fixtures.withSteps(Fixtures.reapTrace(), List.of()));
        assertTrue(text.contains("No steps: the initial state"), text);
        assertTrue(text.contains("Final state (initial state);\npc.ACTOR is where"), text);
    }

    @Test void renderingIsDeterministic() throws Exception {
        for (TextRenderer.Detail d : TextRenderer.Detail.values()) {
            assertEquals(TextRenderer.render(Fixtures.reapTrace(), d), TextRenderer.render(Fixtures.reapTrace(), d));
        }
    }

    @Test void aHostileScenarioFileNameCannotDriveTheTerminal() throws Exception {
        Trace t = Fixtures.reapTrace();
        Trace.ScenarioInfo sc = t.scenario();
        Trace hostile = new Trace(t.schemaVersion(), t.tool(), new Trace.ScenarioInfo(sc.name(), "\u001b[31mRED\u0007", sc.source()),
            t.config(), t.invariant(), t.violation(), t.initialFingerprint(), t.steps(), t.finalState());
        for (TextRenderer.Detail d : TextRenderer.Detail.values()) {
            String text = TextRenderer.render(hostile, d);
            assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n'), "a control character reached the text");
            assertTrue(text.contains("[\\x1b[31mRED\\x07]"), text.lines().limit(3).toList().toString());
        }
    }
}
