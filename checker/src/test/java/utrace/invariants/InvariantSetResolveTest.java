package utrace.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How `-i SPEC` is read (the invariants module has no test set-up of its own, so this lives with the CLI's
 * tests). A file or folder in the current directory named like an invariant used to take `-i sigkill-wins`
 * over: "sigkill-wins: is a directory, not an invariant set file".
 */
class InvariantSetResolveTest {
    @TempDir Path cwd;

    @Test void anInvariantNameWinsOverAFileOfThatName() throws Exception {
        Files.createDirectories(cwd.resolve("sigkill-wins"));
        Files.writeString(cwd.resolve("no-signal-loss"), "garbage\n");
        Files.writeString(cwd.resolve("detach-is-final,no-signal-loss"), "garbage\n");
        assertEquals(List.of("sigkill-wins"), names(InvariantSet.resolve("sigkill-wins", cwd)));
        assertEquals(List.of("no-signal-loss"), names(InvariantSet.resolve("no-signal-loss", cwd)));
        assertEquals(List.of("detach-is-final", "no-signal-loss"), names(InvariantSet.resolve("detach-is-final,no-signal-loss", cwd)));
    }

    @Test void aSetFileIsStillReadByPathOrName() throws Exception {
        Files.writeString(cwd.resolve("mine.set"), "# two\nsigkill-wins\nno-signal-loss\n");
        Files.writeString(cwd.resolve("mine"), "sigkill-wins\n");
        assertEquals(List.of("sigkill-wins", "no-signal-loss"), names(InvariantSet.resolve("mine.set", cwd)));
        assertEquals(List.of("sigkill-wins"), names(InvariantSet.resolve("mine", cwd)), "a file whose name is no invariant");
    }

    @Test void aSetNameInsideAListIsExplained() {
        InvariantSetException e = assertThrows(InvariantSetException.class, () -> InvariantSet.resolve("core,all"));
        assertTrue(e.getMessage().startsWith("'core' in 'core,all' is a set"), e.getMessage());
    }

    private static List<String> names(InvariantSet s) {
        return s.invariants().stream().map(Invariant::name).toList();
    }
}
