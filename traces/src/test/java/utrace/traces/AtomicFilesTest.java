package utrace.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is already at an output path is respected. Run as root (as CI runs), `--junit /dev/stdout` used to
 * replace the /dev/stdout link, and `--junit /dev/full` the device node, with a regular file: the rename
 * of the temporary file went over whatever was there.
 */
class AtomicFilesTest {
    @TempDir Path dir;

    @Test void aSymbolicLinkIsFollowedAndKept() throws Exception {
        Path real = dir.resolve("real.xml");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new", Files.readString(real), "the file it points to got the text");
        assertEquals(List.of(), tmpFiles());
    }

    @Test void aDeviceIsWrittenToNeverReplaced() throws Exception {
        // A link to /dev/null stands for /dev/stdout and friends (the test must not risk the real device node).
        Path link = Files.createSymbolicLink(dir.resolve("out.xml"), Path.of("/dev/null"));
        AtomicFiles.writeString(link, "<testsuite/>");
        assertTrue(Files.isSymbolicLink(link), "the link to the device is still a link");
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
        assertEquals(List.of(), tmpFiles());
    }

    @Test void aDirectoryOrADanglingLinkIsAnErrorNamingTheFileAsked() throws Exception {
        Path d = Files.createDirectories(dir.resolve("report.xml"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.writeString(d, "x"));
        assertEquals(d.toString(), e.getFile());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.xml"), dir.resolve("nowhere/x.xml"));
        IOException g = assertThrows(IOException.class, () -> AtomicFiles.writeString(dangling, "x"));
        assertTrue(g.getMessage().contains("symbolic link"), g.getMessage());
        assertTrue(Files.isSymbolicLink(dangling), "left as it was");
        assertEquals(List.of(), tmpFiles());
    }

    private List<Path> tmpFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
