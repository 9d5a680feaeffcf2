package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --workers, --symmetry, --bitstate, gate --shard and checker bench from the command line. */
class ScaleCliTest {
    @TempDir
    Path tmp;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** The verdict table without the time and rate columns (they vary), one line per scenario. */
    static List<String> counts(String out) {
        List<String> rows = new ArrayList<>();
        Pattern row = Pattern.compile("^(\\S+)\\s+(PASS|VIOLATION|INCOMPLETE)\\s+([\\d,]+)\\s+([\\d,]+)\\s+(\\d+)\\s", Pattern.MULTILINE);
        Matcher m = row.matcher(out);
        while (m.find()) rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4) + " " + m.group(5));
        return rows;
    }

    @Test
    void verifyWithTwoWorkersPrintsTheSameTableAndTraceAsOne() throws Exception {
        String[] some = {"--scenario", "detach-sigkill-race", "--scenario", "stop-then-kill", "--scenario", "signal-loss"};
        CliTest.Run one = run(concat(new String[] {"verify", "-q", "--workers", "1", "--trace-dir", tmp.resolve("w1").toString()}, some));
        CliTest.Run two = run(concat(new String[] {"verify", "-q", "--workers", "2", "--trace-dir", tmp.resolve("w2").toString()}, some));
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        assertEquals(3, counts(one.out()).size(), one.out());
        assertEquals(counts(one.out()), counts(two.out()));
        assertTrue(two.out().contains("level by level, 2 workers"), two.out());

        String[] mutation = {"--scenario", "detach-during-callback", "--mutation", "detach-ignores-reporting"};
        CliTest.Run v1 = run(concat(new String[] {"verify", "-q", "--workers", "1", "--trace-dir", tmp.resolve("m1").toString()}, mutation));
        CliTest.Run v2 = run(concat(new String[] {"verify", "-q", "--workers", "2", "--trace-dir", tmp.resolve("m2").toString()}, mutation));
        assertEquals(1, v1.code());
        assertEquals(1, v2.code());
        String name = "detach-during-callback+detach-ignores-reporting.detach-is-final.txt";
        assertEquals(Files.readString(tmp.resolve("m1").resolve(name)), Files.readString(tmp.resolve("m2").resolve(name)));
        assertTrue(v2.out().contains("shortest (breadth-first)"), v2.out());
    }

    @Test
    void bitstateNeverSaysPassAndExitsThree() {
        CliTest.Run r = run("verify", "-q", "--bitstate", "--scenario", "detach-sigkill-race", "--trace-dir", tmp.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("no violation found (probabilistic)"), r.out());
        assertFalse(r.out().contains(" PASS "), r.out());
        CliTest.Run small = run("verify", "-q", "--bitstate=1", "--scenario", "detach-during-callback", "--mutation",
            "detach-ignores-reporting", "--trace-dir", tmp.toString());
        assertEquals(1, small.code(), "a violation found with bitstate is a violation: " + small.out());
        assertTrue(small.out().contains("breadth-first with bitstate hashing"), small.out());
    }

    @Test
    void symmetryOnIdenticalKillersMergesStates() throws Exception {
        CliTest.Run plain = run("verify", "-q", "--scenario", "bench-killers", "--workers", "2", "--trace-dir", tmp.toString());
        CliTest.Run sym = run("verify", "-q", "--scenario", "bench-killers", "--symmetry", "--trace-dir", tmp.toString());
        assertEquals(0, plain.code(), plain.out());
        assertEquals(0, sym.code(), sym.out());
        long a = Long.parseLong(counts(plain.out()).get(0).split(" ")[2].replace(",", ""));
        long b = Long.parseLong(counts(sym.out()).get(0).split(" ")[2].replace(",", ""));
        assertTrue(b * 2 < a, a + " states, with symmetry " + b);
    }

    @Test
    void verifyWithPorGivesTheSameVerdictsAndSaysItRan() throws Exception {
        String[] some = {"--scenario", "signal-engine-vs-kill", "--scenario", "detach-sigkill-race", "--scenario", "signal-loss"};
        CliTest.Run plain = run(concat(new String[] {"verify", "-q", "--no-por", "--trace-dir", tmp.resolve("n").toString()}, some));
        CliTest.Run por = run(concat(new String[] {"verify", "-q", "--por", "--trace-dir", tmp.resolve("p").toString()}, some));
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, por.code(), por.err());
        assertFalse(plain.out().contains("partial-order reduction"), plain.out());
        assertTrue(por.out().contains("partial-order reduction on: "), por.out());
        assertTrue(por.out().contains("3 PASS, 0 VIOLATION"), por.out());
        CliTest.Run json = run("verify", "-q", "--por", "--format", "json", "--scenario", "signal-engine-vs-kill",
            "--trace-dir", tmp.resolve("j").toString());
        assertTrue(json.out().contains("\"por_fully_expanded\""), json.out());

        String[] mutation = {"--scenario", "detach-during-callback", "--mutation", "detach-ignores-reporting"};
        CliTest.Run v = run(concat(new String[] {"verify", "-q", "--por", "--trace-dir", tmp.resolve("m").toString()}, mutation));
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("detach-is-final"), v.out());
        CliTest.Run replay = run("replay", tmp.resolve("m").resolve("detach-during-callback+detach-ignores-reporting.detach-is-final.json").toString());
        assertEquals(1, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains("REPRODUCED"), replay.out());
    }

    @Test
    void badScaleOptionsAreOneLineUsageErrors() {
        for (String[] args : new String[][] {
            {"verify", "--workers", "0"},
            {"verify", "--search", "dfs", "--workers", "2"},
            {"verify", "--search", "dfs", "--bitstate"},
            {"verify", "--bitstate=0"},
            {"gate", "--shard", "3/2"},
            {"gate", "--shard", "a/b"},
            {"gate", "--shard", "1"},
            {"bench", "--engines", "spin"},
            {"bench", "--repeat", "0"},
            {"verify", "--search", "dfs", "--por"},
            {"verify", "--por", "--symmetry"},
            {"verify", "--swarm", "0/3"},
            {"verify", "--swarm", "4/3"},
            {"verify", "--swarm", "1/3", "--workers", "2"},
            {"verify", "--swarm", "1/3", "--search", "dfs"},
            {"verify", "--swarm", "1/3", "--por"},
            {"verify", "--swarm", "1/3", "--swarm-depth", "-1"},
            {"verify", "--swarm", "1/3", "--engine", "jpf"},
            {"verify", "--swarm-seed", "3"},
            {"verify", "--swarm-depth", "3"},
            {"gate", "--shard", "env/x"},
            {"merge"},
            {"merge", "no-such-result.json"},
            {"bench", "--pairs", "-1"},
            {"bench", "--curve-max", "0"},
            {"bench", "--curve-rounds", "0"},
            {"bench", "--jvm", "lukewarm"},
        }) {
            CliTest.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("checker: "), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void gateShardsSplitTheMatrixDisjointlyAndCompletely() {
        List<String> seen = new ArrayList<>();
        int total = -1;
        for (int k = 1; k <= 3; k++) {
            CliTest.Run r = run("gate", "--shard", k + "/3", "--trace-dir", tmp.resolve("s" + k).toString());
            // The rows' outcomes are GateTest's business; here only which rows run where.
            assertTrue(r.code() == 0 || r.code() == 1, r.out() + r.err());
            Matcher m = Pattern.compile("shard " + k + "/3: (\\d+) of (\\d+) rows").matcher(r.out());
            assertTrue(m.find(), r.out());
            total = Integer.parseInt(m.group(2));
            // A row's first line starts at column 0 with its id (the full-series line is indented).
            Matcher row = Pattern.compile("^(?!row |shard |\\d+ rows)(\\S+)\\s+\\S", Pattern.MULTILINE).matcher(r.out());
            int here = 0;
            while (row.find()) {
                assertFalse(seen.contains(row.group(1)), "row " + row.group(1) + " in two shards");
                seen.add(row.group(1));
                here++;
            }
            assertEquals(Integer.parseInt(m.group(1)), here);
        }
        assertEquals(total, seen.size(), "every row in some shard: " + seen);
    }

    @Test
    void benchPrintsItsTables() throws Exception {
        Path killers = tmp.resolve("killers.scenario");
        Files.writeString(killers, "scenario small-killers\nengine E1 preattached events=QUIESCE|DEATH|REAP\n"
            + "callback E1 quiesce=STOP\nowner E1 wait_stopped; control RESUME\ntracee syscall exit\nkillers 3 SIGKILL\nparent wait\n");
        CliTest.Run r = run("bench", "--scenario", "reap-races-death", "--scenario", killers.toString(), "--workers", "2",
            "--series", "killers", "--por-bound-max", "100000");
        assertEquals(0, r.code(), r.out() + r.err());
        for (String s : new String[] {"states/s", "peak heap", "1 worker", "2 workers", "2 workers +sym", "speed-up of 2 workers",
            "symmetry reduction", "bytes per state", "partial-order reduction", "scaling", "killers", "largest scenario exhausted"}) {
            assertTrue(r.out().contains(s), s + " missing in:\n" + r.out());
        }
        // scenario, actors, states, sound (--por) states, factor, bound states, factor, fully expanded
        Matcher por = Pattern.compile("^reap-races-death\\s+\\d+\\s+([\\d,]+)\\s+([\\d,]+)\\s+[\\d.]+x\\s+([\\d,]+)\\s+[\\d.]+x\\s+[\\d,]+$",
            Pattern.MULTILINE).matcher(r.out());
        assertTrue(por.find(), "the partial-order rows of reap-races-death:\n" + r.out());
        long full = Long.parseLong(por.group(1).replace(",", ""));
        long sound = Long.parseLong(por.group(2).replace(",", ""));
        long bound = Long.parseLong(por.group(3).replace(",", ""));
        assertTrue(sound <= full && sound > 0, full + " -> " + sound);
        assertTrue(bound <= sound, "the ideal bound is no worse than the sound reduction: " + bound + " vs " + sound);
        assertTrue(r.out().contains("1 worker +por"), r.out());
        assertTrue(r.out().contains("best footprint-based reduction"), r.out());
        assertTrue(r.out().contains("peak RSS of this bench process"), r.out());
    }

    /**
     * The paired -w 1 / -w 2 runs, in fresh and in warm JVMs (--jvm both, the default), and the worker curve;
     * --spin without a twin says why it skips.
     */
    @Test
    void benchPairsWorkersAndDrawsTheCurve() throws Exception {
        CliTest.Run r = run("bench", "--scenario", "stop-then-resume", "--workers", "2", "--no-scaling", "--no-por-rows",
            "--por-bound-max", "0", "--pairs", "1", "--curve-rounds", "1", "--curve-max", "16", "--spin", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String s : new String[] {"paired runs on stop-then-resume, a fresh JVM per run",
            "paired runs on stop-then-resume, a JVM per run that first runs the same search untimed until the JIT is quiet",
            "jit: the JIT compilers' time during the timed search", "first", "A -w 1",
            "B -w 2", "median",
            "speed-up of -w 2 over -w 1 (search wall, median of the 1 per-pair ratios A/B)", "worker curve on stop-then-resume",
            "this machine's ceiling: 2 threads of plain arithmetic",
            "peak RSS", "SPIN comparison not done: " + tmp + " has no twin.pml"}) {
            assertTrue(r.out().contains(s), s + " missing in:\n" + r.out());
        }
        // The warm table's runs say how many warm-up runs they made (1 to 5: until the JIT was quiet); fresh runs made none.
        String out = r.out();
        String warm = out.substring(out.indexOf("a JVM per run that first runs"));
        warm = warm.substring(0, warm.indexOf("speed-up of"));
        String fresh = out.substring(out.indexOf("a fresh JVM per run"));
        fresh = fresh.substring(0, fresh.indexOf("speed-up of"));
        Pattern run = Pattern.compile("^\\S*\\s+(?:[AB] -w [12]|C 2 x -w 1)\\s+PASS.*$", Pattern.MULTILINE);
        Matcher wr = run.matcher(warm);
        int warmRows = 0;
        while (wr.find()) {
            assertTrue(wr.group().matches(".*\\d+ (ms|s) [1-5]w"), "warm-up count missing: " + wr.group());
            warmRows++;
        }
        assertTrue(warmRows >= 4, warm);
        Matcher fr = run.matcher(fresh);
        while (fr.find()) assertFalse(fr.group().matches(".*\\dw"), "a fresh run with warm-up runs: " + fr.group());
        int cores = Runtime.getRuntime().availableProcessors();
        // Run C, two independent one-worker searches at once, only where there are two cores to run them.
        assertEquals(cores >= 2, r.out().contains("C: 2 independent one-worker searches at once (a model each, nothing shared) got"),
            r.out());
        if (cores < 16) {
            assertTrue(Pattern.compile("^" + (cores + 1) + "-16\\s+not measured: this machine has " + cores + " core", Pattern.MULTILINE)
                .matcher(r.out()).find(), r.out());
        }
        // Every run of the curve explored the whole scenario: same states as verify.
        Matcher m = Pattern.compile("^1\\s+PASS\\s+([\\d,]+)", Pattern.MULTILINE).matcher(r.out());
        assertTrue(m.find(), r.out());
        // Warm or fresh, every paired run explores the same states (the warm-up run leaves nothing behind).
        Matcher rows = Pattern.compile("^\\S*\\s+(?:[AB] -w [12]|C 2 x -w 1)\\s+PASS\\s+([\\d,]+)", Pattern.MULTILINE).matcher(r.out());
        int n = 0;
        while (rows.find()) {
            assertEquals(m.group(1), rows.group(1), r.out());
            n++;
        }
        int runsPerRound = cores >= 2 ? 3 : 2;
        assertEquals(2 * 2 * runsPerRound, n, "2 tables of 2 rounds of A, B (and C):\n" + r.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A limit proves nothing: the gate says which rows it left incomplete and exits 3, not 1 (nor 0). */
    @Test
    void aGateRowCutShortByALimitIsIncompleteNotUnexpected() {
        CliTest.Run r = run("gate", "--row", "p09", "--max-states", "50", "--trace-dir", tmp.resolve("limited").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 rows, 0 as expected, 0 unexpected, 1 incomplete"), r.out());
        assertTrue(r.out().contains("<-- INCOMPLETE"), r.out());
        assertFalse(r.out().contains("<-- UNEXPECTED"), r.out());
    }
}
