package utrace.checker.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.ScenarioParser;

/**
 * Docs that cannot drift (issue 15): every command in README.md and docs/*.md
 * shown with its expected exit code ("# exit N", see {@link DocCommand}) is
 * run and must exit with it; every example scenario ({@link DocScenario})
 * must parse and give the verdict its text claims. Commands run in document
 * order (README first, then docs/ by name) in one scratch workspace, so a
 * command may read the trace an earlier one wrote.
 */
class DocsTest {
    static final Path REPO = DocWorkspace.findRepo();
    /** The front door stays short; the rest goes under docs/. */
    static final int README_MAX_LINES = 300;

    @TempDir
    static Path workspace;

    static List<Path> pages() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(REPO.resolve("README.md"));
        try (Stream<Path> s = Files.list(REPO.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    static List<MarkdownBlocks.Block> blocks() throws IOException {
        List<MarkdownBlocks.Block> out = new ArrayList<>();
        for (Path p : pages()) {
            out.addAll(MarkdownBlocks.of(REPO.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
        return out;
    }

    static List<DocCommand> commands() throws IOException {
        List<DocCommand> out = new ArrayList<>();
        for (MarkdownBlocks.Block b : blocks()) out.addAll(DocCommand.in(b));
        return out;
    }

    /** Why a command is not run here, or null to run it. */
    static String skipReason(DocCommand c) {
        if (c.slow() && !Boolean.getBoolean("docs.slow")) return "slow (minutes); run with -Ddocs.slow=true";
        if (c.needsJpf()) {
            String home = System.getenv("JPF_HOME");
            if (home == null || home.isBlank()) return "needs JPF (JPF_HOME is not set)";
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedCommandExitsAsTheDocsSay() throws IOException {
        List<DocCommand> all = commands();
        assertTrue(all.size() >= 10, "the doc test found only " + all.size() + " marked commands; is the '# exit N' convention still used?");
        DocWorkspace ws = new DocWorkspace(REPO, workspace);
        int skipped = 0;
        for (DocCommand c : all) if (skipReason(c) != null) skipped++;
        System.out.println("doc commands: " + all.size() + " marked, " + (all.size() - skipped) + " run, " + skipped + " skipped");
        return all.stream().map(c -> DynamicTest.dynamicTest(c.where() + " " + c.text(), () -> {
            String skip = skipReason(c);
            if (skip != null) {
                System.out.println("SKIP " + c.where() + " (" + skip + "): " + c.text());
                Assumptions.abort(skip);
            }
            checkCommand(ws, c);
        }));
    }

    /** Runs one marked command; fails unless it exits (and prints) as the docs say. */
    static void checkCommand(DocWorkspace ws, DocCommand c) {
        List<String> words = c.words();
        assertNotNull(words, c.where() + ": '" + c.text() + "' needs a shell (pipe, redirection, variable); "
            + "the doc test runs only plain bin/checker commands, so drop its '# exit' marker or mark it slow");
        if (words.isEmpty() || !words.get(0).equals("bin/checker")) {
            fail(c.where() + ": only bin/checker commands run in-process; mark '" + c.text() + "' slow or drop its '# exit' marker");
        }
        DocWorkspace.Result r = ws.run(words);
        assertEquals(c.exit(), r.code(), c.where() + ": '" + c.text() + "' exited " + r.code() + ", the docs say "
            + c.exit() + "\n--- stdout\n" + tail(r.out()) + "--- stderr\n" + tail(r.err()));
        for (String p : c.prints()) {
            assertTrue(r.both().contains(p), c.where() + ": '" + c.text() + "' does not print \"" + p + "\"\n" + tail(r.both()));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleScenarioGivesTheVerdictItsTextClaims() throws IOException {
        List<DocScenario> all = new ArrayList<>();
        for (MarkdownBlocks.Block b : blocks()) if (b.language().equals(DocScenario.LANGUAGE)) all.add(DocScenario.of(b));
        assertTrue(all.size() >= 3, "the doc test found only " + all.size() + " ```scenario blocks");
        System.out.println("doc scenarios: " + all.size());
        return all.stream().map(s -> DynamicTest.dynamicTest(s.where() + " " + (s.pass() ? "PASS" : "VIOLATION " + s.invariant()),
            () -> checkScenario(s)));
    }

    /** Parses and explores one example scenario on the full series; fails unless it gives the verdict the docs claim. */
    static void checkScenario(DocScenario s) throws Exception {
        if (s.file() != null) {
            Path f = REPO.resolve(s.file());
            assertTrue(Files.isRegularFile(f), s.where() + ": file=" + s.file() + " does not exist");
            assertEquals(Files.readString(f, StandardCharsets.UTF_8), s.text(), s.where() + ": the block differs from " + s.file());
        }
        // Strict, as `checker verify --scenario FILE` reads a file: an example the CLI refuses (an engine never
        // attached, a callback for an event never asked for) must not pass here.
        Scenario parsed = ScenarioParser.parseStrict(s.where(), s.text());
        ExplorationResult r = new Explorer(new Limits(5_000_000, 0), ProgressListener.NONE)
            .explore(new Model(parsed, ModelConfig.fullSeries()), InvariantSet.resolve(s.invariants()).invariants());
        if (s.pass()) {
            assertEquals(Verdict.PASS, r.verdict(), s.where() + ": the docs say PASS"
                + (r.counterexample() == null ? "" : ", but " + r.counterexample().violation().invariant().name() + " fails: "
                    + r.counterexample().violation().message()));
        } else {
            assertEquals(Verdict.VIOLATION, r.verdict(), s.where() + ": the docs say it violates " + s.invariant());
            assertEquals(s.invariant(), r.counterexample().violation().invariant().name(), s.where() + ": "
                + r.counterexample().violation().message());
        }
    }

    @Test
    void everyBlockThatIsAScenarioFileIsMarkedAsOne() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (MarkdownBlocks.Block b : blocks()) {
            if (!b.language().equals(DocScenario.LANGUAGE) && DocScenario.looksLikeScenario(b)) unmarked.add(b.where());
        }
        assertEquals(List.of(), unmarked, "scenario files shown without ```scenario check=...: their verdict is not checked");
    }

    @Test
    void theReadmeIsAFrontDoorOfAtMost300Lines() throws IOException {
        long n = Files.readAllLines(REPO.resolve("README.md"), StandardCharsets.UTF_8).size();
        assertTrue(n <= README_MAX_LINES, "README.md has " + n + " lines; move detail into docs/ (issue 15)");
    }

    private static String tail(String s) {
        String[] lines = s.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, lines.length - 25); i < lines.length; i++) b.append(lines[i]).append('\n');
        return b.toString();
    }
}
