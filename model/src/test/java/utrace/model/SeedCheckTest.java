package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reference checker on a seed of its own, so it is tested where the real seed is absent (CI). */
class SeedCheckTest {
    private static final SeedCheck SEED = new SeedCheck(List.of(
        "Subject: [PATCH 01/02] core",                          // 1
        "diff --git a/kernel/core.c b/kernel/core.c",           // 2
        "+++ b/kernel/core.c",                                  // 3
        "@@ -0,0 +1,9 @@",                                      // 4
        "+static void core_stop(struct task_struct *task,",     // 5
        "+\t\t\tint action)",                                   // 6
        "+\tspin_lock(&core->lock);",                           // 7
        "+\tcore_reset(task);",                                 // 8
        "+int core_resume(struct task_struct *task)",           // 9
        "+\tspin_lock(&core->lock);",                           // 10
        "Subject: [PATCH 02/02] hook",                          // 11
        "+++ b/kernel/signal.c",                                // 12
        "@@ -10,6 +10,7 @@ static int send_it(int sig)",       // 13
        " \tqueue(sig);",                                       // 14
        "+\tcore_wake(t);",                                     // 15
        "@@ -80,6 +81,7 @@ relock:",                            // 16
        "+\t\tsignr = core_hook(current);"));                   // 17

    private static String check(SeedRef r, String function, int patch) {
        return SEED.check(r, function, patch);
    }

    @Test
    void theLineOfTheFunctionsCodePasses() {
        assertNull(check(SeedRef.code("kernel/core.c", 7, "spin_lock(&core->lock);"), "core_stop", 1));
        assertNull(check(SeedRef.code("kernel/core.c", 10, "spin_lock(&core->lock);"), "core_resume", 1));
        assertNull(check(SeedRef.code("kernel/signal.c", 15, "core_wake(t);"), "send_it", 2), "the hunk header names the function");
    }

    @Test
    void theSameCodeInAnotherFunctionFails() {
        assertTrue(check(SeedRef.code("kernel/core.c", 10, "spin_lock(&core->lock);"), "core_stop", 1).contains("in core_resume"));
    }

    @Test
    void aLineWithoutTheQuoteFails() {
        assertTrue(check(SeedRef.code("kernel/core.c", 8, "spin_lock(&core->lock);"), "core_stop", 1).contains("does not contain"));
        assertNotNull(check(SeedRef.code("kernel/core.c", 99, "spin_lock(&core->lock);"), "core_stop", 1));
    }

    @Test
    void theWrongFileOrPatchFails() {
        assertTrue(check(SeedRef.code("kernel/other.c", 7, "spin_lock(&core->lock);"), "core_stop", 1).contains("kernel/core.c"));
        assertTrue(check(SeedRef.code("kernel/core.c", 7, "spin_lock(&core->lock);"), "core_stop", 2).contains("patch 1"));
        assertNull(check(SeedRef.code("kernel/core.c", 7, "spin_lock(&core->lock);"), "core_stop", 0), "patch 0: any patch");
    }

    @Test
    void aHunkHeaderNamingALabelGivesNoFunction() {
        assertNull(SEED.enclosing(17));
        assertNotNull(check(SeedRef.code("kernel/signal.c", 17, "signr = core_hook(current);"), "get_it", 2));
        assertNull(check(SeedRef.code("kernel/signal.c", 17, "signr = core_hook(current);").names("core_hook", "its loop calls it"),
            "get_it", 2), "the line names the function the reference names");
    }

    @Test
    void namingAnotherFunctionNeedsANote() {
        SeedRef r = new SeedRef(SeedRef.Kind.CODE, "kernel/core.c", 8, "core_reset(task);", "core_reset", "", "");
        assertTrue(check(r, "core_stop", 1).contains("no note"));
    }

    @Test
    void aCalledReferenceMustNameTheFunctionOnItsLine() {
        assertNull(check(SeedRef.called("kernel/signal.c", 13, "static int send_it(int sig)", "send_it", "3.1 code"), "send_it", 0));
        assertTrue(check(SeedRef.called("kernel/signal.c", 14, "queue(sig);", "send_it", "3.1 code"), "send_it", 0)
            .contains("does not name"));
        assertTrue(check(SeedRef.called("kernel/signal.c", 13, "static int send_it(int sig)", "send_it", ""), "send_it", 0)
            .contains("note"));
    }

    @Test
    void theSeedIsFoundThroughThePropertyOrNotAtAll(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path seed = java.nio.file.Files.writeString(dir.resolve(SeedRef.SEED_FILE), "x\n");
        String old = System.getProperty(SeedCheck.PROPERTY);
        try {
            System.setProperty(SeedCheck.PROPERTY, dir.toString());
            assertEquals(seed, SeedCheck.find(java.nio.file.Path.of("/")));
            System.setProperty(SeedCheck.PROPERTY, seed.toString());
            assertEquals(seed, SeedCheck.find(java.nio.file.Path.of("/")));
            System.clearProperty(SeedCheck.PROPERTY);
            if (System.getenv(SeedCheck.ENV) == null) assertNull(SeedCheck.find(dir));
        } finally {
            if (old == null) System.clearProperty(SeedCheck.PROPERTY);
            else System.setProperty(SeedCheck.PROPERTY, old);
        }
    }

    @Test
    void theFileAndPatchOfALine() {
        assertEquals("kernel/core.c", SEED.fileAt(8));
        assertEquals(2, SEED.patchAt(15));
        assertEquals("core_stop", SEED.enclosing(8));
        assertNull(SEED.fileAt(1));
    }
}
