package utrace.checker.corpus;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.model.Mutation;

/**
 * The golden traces of traces/corpus/ (see its corpus.list): each must still
 * replay to its violation and be as short as the explorer's shortest, so a
 * model change that silently loses a known bug fails `make test`, naming
 * the row. After an intended change, `make corpus` refreshes them.
 */
class CorpusTest {
    /** The repository's traces/corpus, found from the module directory Maven runs tests in. */
    static Path corpusDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("traces").resolve("corpus");
            if (Files.isRegularFile(dir.resolve(CorpusIndex.FILE_NAME))) return dir;
        }
        throw new AssertionError("traces/corpus/" + CorpusIndex.FILE_NAME + " not found above " + Path.of("").toAbsolutePath());
    }

    static List<CorpusRow> rows() throws CorpusException {
        return CorpusIndex.read(corpusDir().resolve(CorpusIndex.FILE_NAME));
    }

    static List<String> rowNames() throws CorpusException {
        List<String> out = new ArrayList<>();
        for (CorpusRow r : rows()) out.add(r.name());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowNames")
    void goldenTraceStillReproducesAndIsShortest(String name) throws Exception {
        CorpusRow row = rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        Corpus.RowResult r = Corpus.check(corpusDir(), row);
        assertEquals(Corpus.Status.OK, r.status(), () -> "corpus row " + name + " (" + row.describe() + ", "
            + CorpusIndex.FILE_NAME + " line " + row.line() + "): " + r.status() + ": " + r.message());
    }

    /** A new mutation without a golden trace would be a bug nobody pins. */
    @Test
    void everyMutationHasARow() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            boolean has = rows().stream().anyMatch(r -> r.mutations().equals(List.of(m.id)) && r.invariant().equals(m.breaks));
            if (!has) {
                missing.add(String.format("%s scenario=%s mutations=%s invariant=%s", m.id, m.scenario, m.id, m.breaks));
            }
        }
        assertTrue(missing.isEmpty(), "add these rows to traces/corpus/" + CorpusIndex.FILE_NAME
            + ", then run `make corpus`:\n" + String.join("\n", missing));
    }

    @Test
    void everyGoldenTraceIsInTheIndex() throws Exception {
        assertEquals(List.of(), Corpus.orphans(corpusDir(), rows()), "golden traces no row names (remove them or add rows)");
    }
}
