package utrace.traces;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so a reader never sees it half-written: the bytes go to a
 * temporary file next to it (same directory, so the move is a rename on the
 * same file system), then replace it in one move.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Temporary files being written now, so that an interrupted run (SIGINT, SIGTERM) can remove them. */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile boolean closed;

    /**
     * Removes the temporary files of writes still in progress and refuses new writes: called once, when the
     * process is being ended by a signal. A write cut short this way leaves the target as it was.
     */
    public static void abandonAll() {
        closed = true;
        for (Path p : IN_FLIGHT) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort: the process is ending
            }
        }
    }

    /** Writes {@code text} as UTF-8 (reports, pages). */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (closed) throw new IOException("not written: the run is being interrupted");
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        IN_FLIGHT.add(tmp);
        try {
            // createTempFile makes the file owner-only (0600); traces and HTML pages are meant to be read by others
            // (CI artifacts, a web server), so give them the usual 0644.
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its defaults
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp); // only still there if the write or move failed
            IN_FLIGHT.remove(tmp);
        }
    }
}
