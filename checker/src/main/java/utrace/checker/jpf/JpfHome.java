package utrace.checker.jpf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's jpf-core is: {@code --jpf-home} if given, else the
 * {@code JPF_HOME} environment variable. JPF is not on Maven Central, so the
 * project never ships it; a usable jpf-core is a directory with its
 * {@code jpf.properties} and the jars its build puts in {@code build/}.
 */
public final class JpfHome {
    /** The one line `--engine jpf` and `crosscheck` print when there is no usable jpf-core. */
    public static final String NOT_FOUND = "JPF not found: set JPF_HOME to a jpf-core java-17 build (see docs/jpf.md)";

    private final Path dir;

    private JpfHome(Path dir) {
        this.dir = dir;
    }

    /**
     * @param option the {@code --jpf-home} value, or null
     * @param env the environment (System.getenv() in production)
     * @throws JpfNotFoundException if neither names a usable jpf-core
     */
    public static JpfHome resolve(String option, Map<String, String> env) throws JpfNotFoundException {
        String where = option != null ? option : env.get("JPF_HOME");
        if (where == null || where.isBlank()) throw new JpfNotFoundException();
        Path dir = Path.of(where).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("jpf.properties")) || !Files.isRegularFile(dir.resolve("build/RunJPF.jar"))
            || !Files.isRegularFile(dir.resolve("build/jpf.jar")) || !Files.isRegularFile(dir.resolve("build/jpf-classes.jar"))) {
            throw new JpfNotFoundException();
        }
        return new JpfHome(dir);
    }

    /** As {@link #resolve} from the environment alone, or null: for tests that need JPF and skip without it. */
    public static JpfHome fromEnvironmentOrNull() {
        try {
            return resolve(null, System.getenv());
        } catch (JpfNotFoundException e) {
            return null;
        }
    }

    public Path dir() { return dir; }

    /** The launcher jar: it finds jpf-core from its own location and sets up JPF's class loaders. */
    public Path runJpfJar() { return dir.resolve("build/RunJPF.jar"); }

    /** There is no usable jpf-core; the message is {@link #NOT_FOUND}. */
    public static final class JpfNotFoundException extends Exception {
        public JpfNotFoundException() {
            super(NOT_FOUND);
        }
    }
}
