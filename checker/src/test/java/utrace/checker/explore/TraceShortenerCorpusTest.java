package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.corpus.Corpus;
import utrace.checker.corpus.CorpusIndex;
import utrace.checker.corpus.CorpusRow;
import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Model;

/**
 * Depth-first search plus shortening on every corpus row (mutations,
 * findings, bug-matrix rows), with the row's own invariant: the shortened
 * trace is sound, and for mutation rows it reaches the breadth-first length.
 * Prints the lengths (breadth-first, raw depth-first, shortened) as figures.
 */
class TraceShortenerCorpusTest {
    private static final List<String> TABLE = new ArrayList<>();

    static Path corpusDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("traces").resolve("corpus");
            if (Files.isRegularFile(dir.resolve(CorpusIndex.FILE_NAME))) return dir;
        }
        throw new AssertionError("traces/corpus not found");
    }

    static List<CorpusRow> rows() throws Exception {
        return CorpusIndex.read(corpusDir().resolve(CorpusIndex.FILE_NAME));
    }

    static List<String> rowNames() throws Exception {
        List<String> out = new ArrayList<>();
        for (CorpusRow r : rows()) out.add(r.name());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowNames")
    void shortenedDepthFirstTrace(String name) throws Exception {
        CorpusRow row = rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        Model m = Corpus.model(corpusDir(), row);
        Invariant inv = Invariants.byName(row.invariant());
        ExplorationResult d = new DepthFirstExplorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(inv));
        assertEquals(Verdict.VIOLATION, d.verdict(), "depth-first search finds the row's violation too");
        Counterexample raw = d.counterexample();
        TraceShortener.Result r = TraceShortener.shorten(m, raw);
        int bfs = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(inv)).counterexample().schedule().size();
        TABLE.add(String.format("%-40s %-28s bfs %3d  dfs raw %3d  shortened %3d", row.name(), inv.name(), bfs,
            raw.schedule().size(), r.steps()));
        Counterexample again = new ScheduleCheck(m, inv).firstViolation(r.counterexample().schedule());
        assertNotNull(again, "the shortened schedule is legal and violates " + inv.name());
        assertEquals(r.counterexample().schedule(), again.schedule(), "and violates exactly at its end");
        assertTrue(r.steps() <= raw.schedule().size() && r.steps() >= bfs, r.steps() + " within [" + bfs + ", " + raw.schedule().size() + "]");
        if (!row.mutations().isEmpty()) assertEquals(bfs, r.steps(), "a mutation's trace shortens to the breadth-first length");
    }

    @AfterAll
    static void printTable() {
        if (TABLE.isEmpty()) return;
        System.out.println("trace lengths per corpus row (the row's invariant only):");
        TABLE.forEach(System.out::println);
    }
}
