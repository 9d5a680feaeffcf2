package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every step's reference points at its code in the seed (../shared/seeds/,
 * or -Dutrace.seed / $UTRACE_SEED): the line holds the quoted code, is in the
 * named kernel file and the step's patch, and names the step's function or
 * lies in its body. Skipped, with the reason printed, where the seed is not
 * there (a clean clone in CI); {@link SeedCheckTest} checks the checker
 * itself on a small seed of its own.
 */
class SeedRefTest {
    private static Path seedPath;
    private static SeedCheck seed;

    @BeforeAll
    static void findSeed() throws Exception {
        seedPath = SeedCheck.find(Path.of(""));
        if (seedPath == null) {
            System.out.println("SeedRefTest skipped: the seed " + SeedRef.SEED_FILE + " is not in shared/seeds/ above "
                + Path.of("").toAbsolutePath() + " (set -D" + SeedCheck.PROPERTY + " or $" + SeedCheck.ENV + " to its path)");
        } else {
            seed = SeedCheck.read(seedPath);
        }
    }

    private static void needSeed() {
        Assumptions.assumeTrue(seed != null, "the seed " + SeedRef.SEED_FILE + " is not available");
    }

    @Test
    void everyStepHasAReferenceAndOnlyLitmusHasNoLine() {
        for (Steps.Entry e : Steps.all()) {
            SeedRef r = e.info().ref();
            if (e.actor().equals("thread") || e.info().function().equals("store buffer") && r.kind() == SeedRef.Kind.NONE) continue;
            assertNotEquals(SeedRef.Kind.NONE, r.kind(), e.actor() + " step " + e.info().label() + " has no line");
            assertFalse(r.file().isEmpty(), e.info().label());
        }
    }

    @Test
    void everyReferencePointsAtTheCodeItNames() {
        needSeed();
        List<String> problems = seed.problems();
        assertEquals(List.of(), problems, "references that do not point at their code in " + seedPath);
    }

    /** The check is not vacuous: every reference, moved to the line after its own, fails unless that line is the same code. */
    @Test
    void aReferenceMovedByOneLineFails() {
        needSeed();
        List<String> passing = new ArrayList<>();
        for (Steps.Entry e : Steps.all()) {
            SeedRef r = e.info().ref();
            if (r.kind() == SeedRef.Kind.NONE) continue;
            for (int d : new int[] {-1, 1}) {
                SeedRef moved = new SeedRef(r.kind(), r.file(), r.line() + d, r.quote(), r.names(), r.note(), r.simplified());
                String text = seed.line(r.line() + d);
                boolean sameCode = text != null && SeedCheck.squash(text).contains(SeedCheck.squash(r.quote()));
                if (!sameCode && seed.check(moved, e.info().function(), e.info().patch()) == null) {
                    passing.add(e.info().label() + " at seed:" + (r.line() + d));
                }
            }
        }
        assertEquals(List.of(), passing, "references that would still pass on the wrong line");
    }
}
