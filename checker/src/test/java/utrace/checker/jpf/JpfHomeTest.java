package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding jpf-core: --jpf-home over JPF_HOME, and the one message when neither is usable. */
class JpfHomeTest {
    @TempDir Path tmp;

    @Test
    void withoutOptionAndEnvironmentTheMessageIsTheDocumentedOne() {
        JpfHome.JpfNotFoundException e = assertThrows(JpfHome.JpfNotFoundException.class, () -> JpfHome.resolve(null, Map.of()));
        assertEquals("JPF not found: set JPF_HOME to a jpf-core java-17 build (see docs/jpf.md)", e.getMessage());
    }

    @Test
    void aDirectoryWithoutTheBuildJarsIsNotAJpfCore() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("jpf-core"));
        Files.writeString(dir.resolve("jpf.properties"), "jpf-core = ${config_path}\n");
        assertThrows(JpfHome.JpfNotFoundException.class, () -> JpfHome.resolve(dir.toString(), Map.of()));
        assertThrows(JpfHome.JpfNotFoundException.class, () -> JpfHome.resolve(null, Map.of("JPF_HOME", dir.toString())));
    }

    @Test
    void theOptionWinsOverTheEnvironment() throws Exception {
        Path good = fakeJpfCore("good");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(good, JpfHome.resolve(good.toString(), Map.of("JPF_HOME", empty.toString())).dir());
        assertThrows(JpfHome.JpfNotFoundException.class, () -> JpfHome.resolve(empty.toString(), Map.of("JPF_HOME", good.toString())));
        assertEquals(good, JpfHome.resolve(null, Map.of("JPF_HOME", good.toString())).dir());
        assertEquals(good.resolve("build/RunJPF.jar"), JpfHome.resolve(null, Map.of("JPF_HOME", good.toString())).runJpfJar());
    }

    /** The layout jpf-core's build leaves (contents do not matter to the lookup). */
    private Path fakeJpfCore(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("build"));
        Files.writeString(dir.getParent().resolve("jpf.properties"), "");
        for (String jar : new String[] {"RunJPF.jar", "jpf.jar", "jpf-classes.jar"}) Files.write(dir.resolve(jar), new byte[0]);
        return dir.getParent().toAbsolutePath().normalize();
    }
}
