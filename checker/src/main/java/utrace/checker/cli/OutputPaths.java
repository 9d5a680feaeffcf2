package utrace.checker.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks, before anything runs, that the files and directories a command
 * will write can be written, so that a bad --junit, --report or --trace-dir
 * is a one-line usage error (exit 2) with nothing written, not a failure at
 * the end of a long run.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** {@code file} can be created or replaced; a UsageException naming {@code option} otherwise. */
    static void checkFile(Path file, String option) {
        if (file.toString().isEmpty()) throw new UsageException(option + " needs a file name, not ''");
        if (Files.isDirectory(file)) throw new UsageException(option + " " + file + ": is a directory; expected a file name");
        if (Files.exists(file) && !Files.isWritable(file)) throw new UsageException(option + " " + file + ": permission denied");
        if (dangling(file)) throw new UsageException(option + " " + file + ": a symbolic link to a missing file (or a loop of links)");
        Path parent = absolute(file, option).getParent();
        if (parent != null) checkCreatable(parent, option, file);
    }

    /** {@code dir} is a directory or can be created, and files can be created in it. */
    static void checkDir(Path dir, String option) {
        if (dir.toString().isEmpty()) throw new UsageException(option + " needs a directory, not ''");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + ": not a directory");
        }
        checkCreatable(absolute(dir, option), option, dir);
    }

    /**
     * Two outputs of one run must not be the same path (the second write would replace the first, or a
     * directory would stand where a file goes, found only at the end of the run). Null paths are ignored.
     */
    static void checkApart(String optionA, Path a, String optionB, Path b) {
        if (a == null || b == null || a.toString().isEmpty() || b.toString().isEmpty()) return;
        if (absolute(a, optionA).equals(absolute(b, optionB))) {
            throw new UsageException(optionA + " and " + optionB + " name the same path " + a + "; give each its own");
        }
    }

    private static boolean dangling(Path p) {
        return Files.isSymbolicLink(p) && !Files.exists(p);
    }

    private static Path absolute(Path p, String option) {
        try {
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a usable path: " + e.getMessage());
        }
    }

    /** The nearest existing ancestor of {@code dir} (or dir itself) must be a writable directory. */
    private static void checkCreatable(Path dir, String option, Path asGiven) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            if (dangling(p)) throw new UsageException(option + " " + asGiven + ": " + p + " is a symbolic link to a missing directory");
            p = p.getParent();
        }
        if (p == null) return;
        if (!Files.isDirectory(p)) throw new UsageException(option + " " + asGiven + ": " + p + " is not a directory");
        if (!Files.isWritable(p)) throw new UsageException(option + " " + asGiven + ": cannot create files in " + p + " (permission denied)");
        // /proc and /sys accept no new files even from root, whatever the permission bits say.
        String s = p.toString();
        if (s.equals("/proc") || s.startsWith("/proc/") || s.equals("/sys") || s.startsWith("/sys/")) {
            throw new UsageException(option + " " + asGiven + ": cannot create files in " + p);
        }
    }
}
