package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `checker lincheck --each-mutation` on a few mutations whose scenarios are matrix and ptrace ones (which `--scenario`
 * did not take before): each must be caught by the contract named, and the run exit 0. One is the
 * ptrace-syscall-stops contract's spurious-stop half; one is a mutation that no contract reads. Small budgets:
 * 1 plan x 100 invocations. About 30 s (LincheckSeededBugsTest has finish-stop-skips-unlock-wait on its targeted
 * situation; LincheckSeededBugsTest the baseline's "not distinguished").
 */
class LincheckEachMutationTest {
    @TempDir Path tmp;

    @Test
    void matrixMutationsAreCaughtEachByItsContract() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("prepare-examine-ignores-engine-stop", "caught examine-means-unscheduled");  // examine-group-stopped
        expected.put("callback-detach-keeps-ops", "caught detach-is-final");                     // callback-detaches
        expected.put("set-events-skips-tif-syscall-trace", "caught events-reported");            // set-events-syscall-running
        expected.put("clear-pending-keeps-trapping", "caught deadlock-freedom");                 // attach-stopped-vs-sigkill
        expected.put("resume-keeps-sysemu", "caught ptrace-syscall-stops");                      // sysemu-then-cont
        expected.put("callback-resume-keeps-stop", "caught deadlock-freedom");                   // callback-resume-then-resume
        expected.put("attach-ignores-ptraced", "no contract -");                                  // reattach-eperm
        String[] args = {"lincheck", "--each-mutation", "-q", "--iterations", "1", "--invocations", "100",
            "--trace-dir", tmp.toString()};
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        for (String m : expected.keySet()) {
            all.add("--mutation");
            all.add(m);
        }
        CliTest.Run r = CliTest.run(all.toArray(new String[0]));
        assertEquals(0, r.code(), r.out() + r.err());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Matcher row = Pattern.compile("(?m)^" + Pattern.quote(e.getKey()) + "\\s+\\S+\\s+(caught|HELD|no contract|not run|error)"
                + "\\s+(\\S+)").matcher(r.out());
            assertTrue(row.find(), e.getKey() + " has no row:\n" + r.out());
            assertEquals(e.getValue(), row.group(1) + " " + row.group(2), e.getKey() + "\n" + r.out());
        }
        assertTrue(r.out().contains("7 mutation run(s): 6 caught (0 of them on a retry), 0 HELD"), r.out());
    }

    @Test
    void itRunsOnItsOwnScenariosAlone() {
        for (String[] args : new String[][] {
                {"lincheck", "--each-mutation", "--situation", "stopped-tracee"},
                {"lincheck", "--each-mutation", "--scenario", "stop-then-kill"}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }
}
