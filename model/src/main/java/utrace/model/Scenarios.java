package utrace.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenarios shipped in model/scenarios/ (listed in default.list) and
 * loading a scenario by shipped name or by file path.
 */
public final class Scenarios {
    private Scenarios() {}

    /** Names of the shipped scenarios, in the order `checker verify` runs them. */
    public static List<String> shippedNames() {
        return names("default.list");
    }

    /** Shipped scenarios that show a finding on the full series (findings.list); not run by default. */
    public static List<String> findingNames() {
        return names("findings.list");
    }

    /**
     * Shipped scenarios that pin the model's fidelity to the series (fidelity.list, issue 13): each exercises
     * a kernel function the model once had wrong; all pass on the full series. Not run by default.
     */
    public static List<String> fidelityNames() {
        return names("fidelity.list");
    }

    /** Shipped scenarios of the bug matrix and the ptrace-tests ones (matrix.list). */
    public static List<String> matrixNames() {
        return names("matrix.list");
    }

    /**
     * The tests of the kernel's ptrace regression suite (ptrace-tests) as scenarios, each named
     * after its test (ptrace-tests.list); checked with the invariant set 'ptrace-tests'.
     */
    public static List<String> ptraceTestNames() {
        return names("ptrace-tests.list");
    }

    /** The scenarios `checker bench` measures (bench.list). */
    public static List<String> benchNames() {
        return names("bench.list");
    }

    /**
     * Every listed scenario but the bench ones, each once (default, findings, fidelity, matrix, ptrace-tests, in
     * that order): the small ones, which whole-model sweeps run (LivelockPremiseTest, `make pit`).
     */
    public static List<String> allButBench() {
        Set<String> names = new LinkedHashSet<>(shippedNames());
        names.addAll(findingNames());
        names.addAll(fidelityNames());
        names.addAll(matrixNames());
        names.addAll(ptraceTestNames());
        return new ArrayList<>(names);
    }

    private static List<String> names(String listFile) {
        String text = resource(listFile);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!l.isEmpty()) names.add(l);
        }
        return names;
    }

    public static boolean isShipped(String name) {
        return shippedNames().contains(name) || findingNames().contains(name) || matrixNames().contains(name)
            || fidelityNames().contains(name) || benchNames().contains(name) || ptraceTestNames().contains(name);
    }

    /** A shipped scenario by name, or a scenario file by path. */
    public static Scenario load(String nameOrPath) throws IOException, ScenarioFormatException {
        if (isShipped(nameOrPath)) {
            return ScenarioParser.parseStrict("model/scenarios/" + nameOrPath + ".scenario", resource(nameOrPath + ".scenario"));
        }
        Path p = Path.of(nameOrPath);
        // A directory or a device is not a scenario: parseFile says so, rather than "unknown scenario".
        if (Files.exists(p)) return ScenarioParser.parseFile(p);
        List<String> known = new ArrayList<>(shippedNames());
        known.addAll(findingNames());
        known.addAll(matrixNames());
        known.addAll(fidelityNames());
        for (String b : benchNames()) if (!known.contains(b)) known.add(b);
        for (String t : ptraceTestNames()) if (!known.contains(t)) known.add(t);
        throw new UnknownScenarioException(nameOrPath, known);
    }

    private static String resource(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + name)) {
            if (in == null) throw new IllegalStateException("shipped scenario resource missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped scenario " + name, e);
        }
    }

    /**
     * Neither a shipped name nor an existing file. A name that looks like a path is a missing file; another one
     * is an unknown name, with the nearest shipped name if it is a likely typo (the full list is `checker list
     * scenarios`).
     */
    public static final class UnknownScenarioException extends IOException {
        public UnknownScenarioException(String name, List<String> known) {
            super(looksLikePath(name)
                ? "no such scenario file: " + name + " (a shipped scenario is named without a path: `checker list scenarios`)"
                : "unknown scenario '" + name + "' (not a shipped name, and no such file)"
                    + Suggest.orList(name, known, "`checker list scenarios` lists the " + known.size() + " shipped ones"));
        }

        private static boolean looksLikePath(String name) {
            return name.contains("/") || name.contains(java.io.File.separator) || name.endsWith(".scenario");
        }
    }
}
