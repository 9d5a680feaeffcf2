package utrace.checker.report;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import utrace.checker.cli.Main;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * The trace pages in a real browser: Debian's chromium, headless, loads a
 * page written by `checker verify --report` and dumps the DOM after the
 * page's script ran. The script measures the diagram as laid out (each step
 * box centred on its actor's lifeline) and writes what it found into the
 * page; the test checks one lifeline per actor and the violating step
 * marked, and that #step=N shows the state after step N. Skipped, saying
 * why, where /usr/bin/chromium is not installed; under CI=true (where
 * .ci/run installs it) a missing chromium fails the test instead.
 */
class HtmlInBrowserTest {
    /** Debian's chromium; -Dchromium=PATH points elsewhere (e.g. to check that the skip works). */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

    @TempDir
    static Path tmp;

    @BeforeEach
    void needsChromium() {
        boolean present = Files.isExecutable(CHROMIUM);
        // CI installs chromium (.ci/run): there a missing browser is a broken CI set-up, not a reason to skip.
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(CHROMIUM + " is not installed in CI (.ci/run installs Debian's chromium): the browser test must run there");
        }
        if (!present) {
            System.out.println("HtmlInBrowserTest SKIPPED: " + CHROMIUM + " is not installed "
                + "(apt-get install chromium to run the browser test)");
        }
        assumeTrue(present, CHROMIUM + " is not installed (apt-get install chromium to run the browser test)");
    }

    /** Runs `checker verify --report` in-process; returns the report directory. */
    private static Path report(String scenario, String mutation) {
        Path dir = tmp.resolve(scenario + (mutation == null ? "" : "+" + mutation));
        List<String> args = new ArrayList<>(List.of("verify", "-q", "--scenario", scenario, "--trace-dir", dir.resolve("traces").toString(),
            "--report", dir.resolve("html").toString()));
        if (mutation != null) args.addAll(List.of("--mutation", mutation));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(1, code, out.toString(StandardCharsets.UTF_8));
        return dir.resolve("html");
    }

    /** The model's own actor count for a shipped scenario (tracee, owners, killer, parent...). */
    private static int actors(String scenario) throws Exception {
        return new Model(Scenarios.load(scenario), ModelConfig.fullSeries()).actorCount();
    }

    private static String dumpDom(Path page, String fragment) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--user-data-dir=" + profile, "--dump-dom", page.toUri() + fragment);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom;
        try (InputStream in = p.getInputStream()) {
            dom = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Not a timed assertion: a generous bound so a wedged browser cannot hang the build.
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not exit");
        }
        deleteTree(profile);
        return dom;
    }

    private static JsonNode selfCheck(String dom) throws IOException {
        Matcher m = Pattern.compile("<pre id=\"self-check\" hidden=\"\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the page's script ran and wrote its self-check:\n" + dom.substring(0, Math.min(2000, dom.length())));
        return new ObjectMapper().readTree(m.group(1).replace("&quot;", "\""));
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]* " + name + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), name + " on <body>");
        return m.group(1);
    }

    @Test
    void aTransitionViolationPage() throws Exception {
        Path page = report("detach-during-callback", "detach-ignores-reporting")
            .resolve("detach-during-callback+detach-ignores-reporting.detach-is-final.html");
        String dom = dumpDom(page, "");
        JsonNode c = selfCheck(dom);
        assertEquals("ok", attr(dom, "data-self-check"), c.toString());
        assertEquals(actors("detach-during-callback"), c.get("lifelines").asInt(), "one lifeline per actor: " + c);
        assertEquals(c.get("actors").asInt(), c.get("lifelines").asInt(), "one lifeline per actor the page knows");
        int steps = c.get("steps").asInt();
        assertEquals(steps, c.get("onLifelines").asInt(), "every step box sits on its actor's lifeline, as laid out");
        assertEquals(1, c.get("violations").asInt());
        assertEquals(steps, c.get("violationStep").asInt(), "the violating (last) step is marked");
        assertEquals(String.valueOf(steps), attr(dom, "data-shown-step"), "the panel opens on the violation");
        assertTrue(dom.contains("State after step " + steps + " of " + steps), "the state panel is filled in");
    }

    @Test
    void aFinalStateViolationPageAndSelectingAStep() throws Exception {
        Path page = report("stop-then-kill", "utrace-stop-ignores-fatal-signal")
            .resolve("stop-then-kill+utrace-stop-ignores-fatal-signal.sigkill-wins.html");
        String dom = dumpDom(page, "#step=3");
        JsonNode c = selfCheck(dom);
        assertEquals("ok", attr(dom, "data-self-check"), c.toString());
        assertEquals(actors("stop-then-kill"), c.get("lifelines").asInt(), "one lifeline per actor: " + c);
        assertEquals(c.get("steps").asInt(), c.get("violationStep").asInt(), "the final-state violation is marked after the last step");
        assertEquals("3", attr(dom, "data-shown-step"), "#step=3 selects step 3");
        assertTrue(dom.contains("State after step 3 of "), "the panel shows the state after step 3");
        Matcher shown = Pattern.compile("<g class=\"step[^\"]*shown[^\"]*\" id=\"step-(\\d+)\"").matcher(dom);
        assertTrue(shown.find(), "the selected step is highlighted");
        assertEquals("3", shown.group(1));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
