package utrace.checker.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doc test's own conventions, and that it fails when a doc is wrong (a doc test that cannot fail proves nothing). */
class DocHarnessTest {
    @TempDir
    Path tmp;

    private static List<DocCommand> commands(String markdown) {
        List<DocCommand> out = new java.util.ArrayList<>();
        for (MarkdownBlocks.Block b : MarkdownBlocks.of("t.md", markdown)) out.addAll(DocCommand.in(b));
        return out;
    }

    @Test
    void onlyShellCommandsWithAnExitMarkerAreCollected() {
        List<DocCommand> cs = commands("""
            text
            ```sh
            make test          # the test suite
            $ bin/checker list invariants   # exit 0
            bin/checker verify --memory-model weak \\
                --scenario detach-during-callback  # exit 1, prints "10 steps": a comment
            # a comment line
            ```
            ```text
            bin/checker gate   # exit 0
            ```
              ```sh
              bin/checker crosscheck   # exit 0, needs JPF, slow
              ```
            """);
        assertEquals(3, cs.size(), cs.toString());
        assertEquals("t.md:4", cs.get(0).where());
        assertEquals("bin/checker list invariants", cs.get(0).text());
        assertEquals(0, cs.get(0).exit());
        assertEquals("bin/checker verify --memory-model weak --scenario detach-during-callback", cs.get(1).text());
        assertEquals(List.of("10 steps"), cs.get(1).prints());
        assertEquals(1, cs.get(1).exit());
        assertTrue(cs.get(2).needsJpf() && cs.get(2).slow());
        assertFalse(cs.get(0).needsJpf() || cs.get(0).slow());
    }

    @Test
    void aMalformedMarkerIsAnErrorNotASilentSkip() {
        assertThrows(IllegalArgumentException.class, () -> commands("```sh\nbin/checker gate   # exit one\n```\n"));
        assertThrows(IllegalArgumentException.class, () -> commands("```sh\nbin/checker gate   # exit 0, slwo\n```\n"));
        assertThrows(IllegalArgumentException.class, () -> commands("```sh\nbin/checker gate   # exit 0 and more\n```\n"));
    }

    @Test
    void wordsKeepQuotesTogetherAndRefuseShellSyntax() {
        DocCommand c = DocCommand.parse("t.md:1", "bin/checker verify -i 'a,b' --scenario \"x y\"", " 0");
        assertEquals(List.of("bin/checker", "verify", "-i", "a,b", "--scenario", "x y"), c.words());
        assertNull(DocCommand.parse("t.md:1", "bin/checker gate | tail -1", " 0").words());
        assertNull(DocCommand.parse("t.md:1", "bin/checker gate > out.txt", " 0").words());
        assertNull(DocCommand.parse("t.md:1", "bin/checker gate --shard $K/3", " 0").words());
    }

    @Test
    void aWrongExitCodeInTheDocsFailsTheTest() {
        DocWorkspace ws = new DocWorkspace(DocsTest.REPO, tmp);
        DocCommand right = DocCommand.parse("t.md:1", "bin/checker list invariants", " 0");
        DocsTest.checkCommand(ws, right);
        DocCommand wrong = DocCommand.parse("t.md:1", "bin/checker list invariants", " 1");
        AssertionError e = assertThrows(AssertionError.class, () -> DocsTest.checkCommand(ws, wrong));
        assertTrue(e.getMessage().contains("exited 0, the docs say 1"), e.getMessage());
        DocCommand wrongText = DocCommand.parse("t.md:1", "bin/checker list invariants", " 0, prints \"no-such-invariant\"");
        assertThrows(AssertionError.class, () -> DocsTest.checkCommand(ws, wrongText));
        DocCommand notChecker = DocCommand.parse("t.md:1", "make verify", " 0");
        assertThrows(AssertionError.class, () -> DocsTest.checkCommand(ws, notChecker));
    }

    @Test
    void aScenarioWhoseVerdictIsNotTheClaimedOneFailsTheTest() throws Exception {
        String violating = "scenario doc-harness-kill\nengine E1 preattached events=QUIESCE|EXIT\ncallback E1 quiesce=STOP\n"
            + "tracee syscall\nowner E1 control DETACH\nkiller SIGKILL\n";
        DocScenario claimsViolation = DocScenario.of(block("scenario check=VIOLATION:sigkill-wins", violating));
        DocsTest.checkScenario(claimsViolation);
        DocScenario claimsPass = DocScenario.of(block("scenario check=PASS", violating));
        assertThrows(AssertionError.class, () -> DocsTest.checkScenario(claimsPass));
        DocScenario otherInvariant = DocScenario.of(block("scenario check=VIOLATION:detach-is-final", violating));
        assertThrows(AssertionError.class, () -> DocsTest.checkScenario(otherInvariant));
        DocScenario malformed = DocScenario.of(block("scenario check=PASS", "scenario x\nengine E1\ntracee fly\n"));
        assertThrows(Exception.class, () -> DocsTest.checkScenario(malformed));
        // Parses, and passes, but `checker verify --scenario` refuses it: E1 is never attached.
        DocScenario refusedByTheCli = DocScenario.of(block("scenario check=PASS",
            "scenario doc-harness-unattached\nengine E1 events=QUIESCE\ntracee syscall exit\n"));
        assertThrows(Exception.class, () -> DocsTest.checkScenario(refusedByTheCli));
        assertThrows(IllegalArgumentException.class, () -> DocScenario.of(block("scenario", violating)));
        assertThrows(IllegalArgumentException.class, () -> DocScenario.of(block("scenario check=FAIL", violating)));
    }

    @Test
    void scenarioFilesShownUnderAnotherLanguageAreNoticed() {
        assertTrue(DocScenario.looksLikeScenario(block("text", "# a comment\nscenario x   # name\ntracee exit\n")));
        assertFalse(DocScenario.looksLikeScenario(block("text", "NAME scenario=NAME|FILE invariant=NAME\n")));
        assertFalse(DocScenario.looksLikeScenario(block("text", "scenario                         verdict        states\n")));
    }

    @Test
    void commandsRunInTheWorkspaceNeverInTheRepository() throws Exception {
        DocWorkspace ws = new DocWorkspace(DocsTest.REPO, tmp);
        List<String> verify = ws.rewrite(List.of("verify", "--scenario", "model/scenarios/stop-then-kill.scenario"));
        assertEquals(tmp.resolve("model/scenarios/stop-then-kill.scenario").toString(), verify.get(2));
        assertTrue(Files.isRegularFile(tmp.resolve("model/scenarios/stop-then-kill.scenario")), "copied into the workspace");
        assertTrue(verify.contains("--trace-dir") && verify.contains(tmp.resolve("traces/out").toString()), verify.toString());
        assertEquals(List.of("replay", tmp.resolve("traces/out/x.json").toString()), ws.rewrite(List.of("replay", "traces/out/x.json")));
        assertEquals(List.of("list", "invariants"), ws.rewrite(List.of("list", "invariants")));
        List<String> corpus = ws.rewrite(List.of("corpus"));
        assertEquals(List.of("corpus", "--dir", tmp.resolve("traces/corpus").toString()), corpus);
        assertTrue(Files.isRegularFile(tmp.resolve("traces/corpus/corpus.list")), "the golden traces are checked from a copy");
    }

    private static MarkdownBlocks.Block block(String info, String text) {
        return new MarkdownBlocks.Block("t.md", 2, info, List.of(text.split("\n")));
    }
}
