package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.model.Mutation;

/**
 * `verify --mutation NAME -s SCENARIO` without -i checks the core set plus the invariant the mutation breaks, so
 * that every mutation `checker list mutations` shows is caught on its scenario as listed (six of them break
 * invariants outside core); an explicit -i is taken as given.
 */
class MutationInvariantCliTest {
    @TempDir Path tmp;

    @Test
    void aMutationBreakingAnInvariantOutsideCoreIsCaughtWithoutDashI() {
        Mutation m = Mutation.byId("phantom-wait-report");
        CliTest.Run r = CliTest.run("verify", "--mutation", m.id, "-s", m.scenario, "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("invariant set 'core+wait-reports-once' (" + (ContinueCliTest.CORE + 1) + " invariants)"), r.out());
        assertTrue(r.out().contains("wait-reports-once:"), r.out());
    }

    @Test
    void anExplicitSetIsNotWidened() {
        CliTest.Run r = CliTest.run("verify", "-q", "-i", "core", "--mutation", "phantom-wait-report", "-s",
            "waitpid-double-report", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void aCoreMutationKeepsTheCoreSet() {
        CliTest.Run r = CliTest.run("verify", "--mutation", "reap-not-deferred", "-s", "reap-races-death",
            "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("invariant set 'core' (" + ContinueCliTest.CORE + " invariants)"), r.out());
    }
}
