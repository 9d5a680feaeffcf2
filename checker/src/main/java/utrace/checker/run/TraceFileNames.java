package utrace.checker.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Trace file names made from scenario names, which come from user files: a
 * name can only ever name a file inside the trace directory, and stays within
 * what file systems accept (255 bytes, with room for the temporary file's
 * prefix and suffix).
 */
public final class TraceFileNames {
    private TraceFileNames() {}

    /** Longest base name kept as it is; longer ones are cut and get a hash of the whole name. */
    static final int MAX_BASE = 160;

    /** {@code base} with every character but letters, digits and {@code . _ + @ , = -} made '_', no leading dot, cut to MAX_BASE. */
    public static String safe(String base) {
        StringBuilder b = new StringBuilder(base.length());
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || ".+_@,=-".indexOf(c) >= 0);
            b.append(ok ? c : '_');
        }
        while (b.length() > 0 && b.charAt(0) == '.') b.setCharAt(0, '_');
        if (b.length() == 0) b.append('_');
        if (b.length() <= MAX_BASE) return b.toString();
        return b.substring(0, MAX_BASE - 17) + "~" + String.format(Locale.ROOT, "%016x", hash(base));
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a: stable across runs and JVMs
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Why a file operation failed, in words (an IOException's message is often just the file name). */
    public static String reason(IOException e) {
        String why;
        if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof NoSuchFileException) why = "no such file or directory";
        else if (e instanceof NotDirectoryException) why = "a path component is not a directory";
        else if (e instanceof FileAlreadyExistsException) why = "a file of that name is in the way";
        else if (e instanceof DirectoryNotEmptyException) why = "a directory is in the way";
        else if (e instanceof FileSystemException fse && fse.getReason() != null) why = fse.getReason();
        else why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileSystemException fse && fse.getFile() != null && !why.contains(fse.getFile())) {
            why += " (" + fse.getFile() + ")";
        }
        return why;
    }
}
