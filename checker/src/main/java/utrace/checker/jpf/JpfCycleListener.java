package utrace.checker.jpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The JPF listener livelock-freedom needs (NonProgressCycles: a step into a watched state on JPF's stack is a
 * cycle without progress). A JPF listener is built against jpf.jar, which is not on Maven Central, so its source
 * ships as a resource and is compiled here, against the user's {@code $JPF_HOME/build/jpf.jar}, with the JDK's
 * compiler, once per JPF build and listener source (a directory under java.io.tmpdir named by their hash).
 */
public final class JpfCycleListener {
    /** The listener's class name, for the .jpf file. */
    public static final String CLASS = "utrace.checker.jpfcycles.NonProgressCycles";
    private static final String SOURCE = "NonProgressCycles.java.txt";

    private JpfCycleListener() {}

    /** Thrown when the listener cannot be built (no compiler in this JVM, or jpf.jar does not fit). */
    public static final class BuildException extends Exception {
        BuildException(String message) {
            super(message);
        }
    }

    /** The directory holding the compiled listener (its native class path), compiled now if not yet. */
    public static synchronized Path classesFor(JpfHome home) throws BuildException, IOException {
        Path jpfJar = home.dir().resolve("build/jpf.jar");
        if (!Files.isRegularFile(jpfJar)) throw new BuildException("no " + jpfJar + " to build the livelock-freedom listener against");
        String source = source();
        String key = Long.toHexString(source.hashCode() * 31L + jpfJar.toAbsolutePath().toString().hashCode() * 17L
            + Files.getLastModifiedTime(jpfJar).toMillis() + Files.size(jpfJar));
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "checker-jpf-listener-" + key);
        Path done = dir.resolve("utrace/checker/jpfcycles/NonProgressCycles.class");
        if (Files.isRegularFile(done)) return dir;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new BuildException("livelock-freedom under JPF needs a JDK (this JVM has no Java compiler to build "
                + "its JPF listener against $JPF_HOME/build/jpf.jar)");
        }
        Path work = Files.createTempDirectory("checker-jpf-listener-src-");
        Path src = work.resolve("NonProgressCycles.java");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path out = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "checker-jpf-listener-out-");
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("-d", out.toString(), "-cp", jpfJar.toString(),
            "--release", "17", "-nowarn"), null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
            .getJavaFileObjects(src.toFile())).call();
        if (!ok) {
            throw new BuildException("the livelock-freedom listener does not compile against " + jpfJar + ": "
                + diagnostics.toString().trim());
        }
        // another checker process may have finished first: either copy is the same class
        try {
            Files.move(out, dir);
        } catch (IOException raced) {
            if (!Files.isRegularFile(done)) throw raced;
        }
        return dir;
    }

    static String source() throws IOException {
        try (InputStream in = JpfCycleListener.class.getResourceAsStream(SOURCE)) {
            if (in == null) throw new IOException("resource missing from the build: utrace/checker/jpf/" + SOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
