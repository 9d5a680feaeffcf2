package utrace.checker.corpus;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index format: a row a line, clear file:line errors; check and update on a scratch corpus. */
class CorpusIndexTest {
    @TempDir
    Path dir;

    @Test
    void parsesRowsAndComments() throws Exception {
        List<CorpusRow> rows = CorpusIndex.parse("x", "# comment\n\nrow-1 scenario=reap-races-death mutations=reap-not-deferred "
            + "invariant=reap-after-death   # trailing\nrow-2 invariant=deadlock-freedom patches=1-8 scenario=resume-before-stop\n");
        assertEquals(2, rows.size());
        assertEquals(new CorpusRow("row-1", "reap-races-death", List.of("reap-not-deferred"), "all", "reap-after-death", 3), rows.get(0));
        assertEquals(new CorpusRow("row-2", "resume-before-stop", List.of(), "1-8", "deadlock-freedom", 4), rows.get(1));
    }

    private static String error(String text) {
        return assertThrows(CorpusException.class, () -> CorpusIndex.parse("idx", text)).getMessage();
    }

    @Test
    void errorsNameTheLineAndWhatWasExpected() {
        assertTrue(error("\na scenario=s\n").startsWith("idx:2: row 'a' needs invariant="), error("\na scenario=s\n"));
        assertTrue(error("a scenario=s invariant=nope\n").startsWith("idx:1: unknown invariant 'nope'; known: "));
        assertTrue(error("a scenario=s invariant=sigkill-wins mutations=nope\n").startsWith("idx:1: unknown mutation 'nope'"));
        assertTrue(error("a scenario=s invariant=sigkill-wins colour=red\n").startsWith("idx:1: expected KEY=VALUE with KEY one of"));
        assertTrue(error("a scenario=s invariant=sigkill-wins patches=40\n").startsWith("idx:1: patches=40: bad patch range"));
        assertTrue(error("a scenario=s invariant=sigkill-wins\na scenario=t invariant=sigkill-wins\n").startsWith("idx:2: duplicate row name 'a'"));
        assertTrue(error("a scenario=s scenario=t invariant=sigkill-wins\n").startsWith("idx:1: 'scenario' given twice"));
    }

    @Test
    void updateWritesAGoldenTraceThatThenChecksOkAndATamperedOneIsStale() throws Exception {
        CorpusRow row = new CorpusRow("r", "detach-during-callback", List.of("detach-ignores-reporting"), "all", "detach-is-final", 1);
        assertEquals(Corpus.Status.MISSING, Corpus.check(dir, row).status());
        Corpus.RowResult w = Corpus.update(dir, row);
        assertEquals(Corpus.Status.WRITTEN, w.status(), w.message());
        assertEquals(Corpus.Status.UNCHANGED, Corpus.update(dir, row).status(), "same model, same bytes");
        assertEquals(Corpus.Status.OK, Corpus.check(dir, row).status(), Corpus.check(dir, row).message());

        Path file = Corpus.traceFile(dir, row);
        String json = Files.readString(file);
        int at = json.indexOf("\"fingerprint\": \"") + "\"fingerprint\": \"".length();
        Files.writeString(file, json.substring(0, at) + "0000000000000000" + json.substring(at + 16));
        Corpus.RowResult stale = Corpus.check(dir, row);
        assertEquals(Corpus.Status.STALE, stale.status(), stale.message());
        assertTrue(stale.message().contains("DIVERGED at step 1") && stale.message().contains("make corpus"), stale.message());
    }

    @Test
    void aRowWhoseBugIsGoneIsLostAndNotWritten() throws Exception {
        // Without the mutation the full series does not violate detach-is-final on this scenario.
        CorpusRow gone = new CorpusRow("g", "detach-during-callback", List.of(), "all", "detach-is-final", 1);
        Corpus.RowResult u = Corpus.update(dir, gone);
        assertEquals(Corpus.Status.LOST, u.status());
        assertFalse(Files.exists(Corpus.traceFile(dir, gone)));
        // A golden trace recorded with the mutation, checked against a row without it: the row does not match.
        CorpusRow with = new CorpusRow("g", "detach-during-callback", List.of("detach-ignores-reporting"), "all", "detach-is-final", 1);
        Corpus.update(dir, with);
        assertEquals(Corpus.Status.MISMATCH, Corpus.check(dir, gone).status());
    }
}
