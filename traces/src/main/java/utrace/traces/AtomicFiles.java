package utrace.traces;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
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

    /**
     * Writes {@code bytes} to {@code file}. What is already at that path is respected: a symbolic link is
     * followed (the file it points to is replaced, the link stays), and a device, FIFO or socket (such as
     * /dev/stdout or /dev/null) is written to in place, never replaced by a regular file; a directory, or a
     * link that points nowhere, is an error naming {@code file}.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        if (closed) throw new IOException("not written: the run is being interrupted");
        Path given = file.toAbsolutePath();
        if (Files.isDirectory(given)) throw new FileSystemException(file.toString(), null, "is a directory");
        if (Files.isSymbolicLink(given) && !Files.exists(given)) {
            throw new FileSystemException(file.toString(), null, "a symbolic link to a missing file (or a loop of links)");
        }
        if (Files.exists(given) && !Files.isRegularFile(given)) {
            // A device or pipe: a rename would replace the device node itself (as root, /dev/stdout or /dev/full).
            Files.write(given, bytes);
            return;
        }
        Path target = Files.exists(given) ? given.toRealPath() : given;
        Path dir = target.getParent();
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
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (FileSystemException e) {
                // The move's own message names the temporary file; the user knows the file they asked for.
                throw new FileSystemException(file.toString(), null, e.getReason() != null ? e.getReason() : e.toString());
            }
        } finally {
            Files.deleteIfExists(tmp); // only still there if the write or move failed
            IN_FLIGHT.remove(tmp);
        }
    }
}
