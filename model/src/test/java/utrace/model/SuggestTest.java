package utrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> KNOWN = List.of("sigkill-wins", "stop-is-sticky", "stop-then-kill", "detach-is-final");

    @Test
    void aTypoGetsTheNearestName() {
        assertEquals("; did you mean 'sigkill-wins'?", Suggest.didYouMean("sigkill-win", KNOWN));
        assertEquals("; did you mean 'stop-then-kill'?", Suggest.didYouMean("stop-then-kil", KNOWN));
        assertEquals("; did you mean 'detach-is-final'?", Suggest.didYouMean("detach-is-fnial", KNOWN));
    }

    @Test
    void aPrefixGetsItsName() {
        assertEquals("; did you mean 'detach-is-final'?", Suggest.didYouMean("detach", KNOWN));
    }

    @Test
    void nothingNearGetsNothing() {
        assertEquals("", Suggest.didYouMean("zzzz", KNOWN));
        assertEquals("", Suggest.didYouMean("", KNOWN));
        assertEquals("; known: sigkill-wins, stop-is-sticky, stop-then-kill, detach-is-final",
            Suggest.orKnown("zzzz", KNOWN, "known", "checker list"));
        assertEquals("; did you mean 'sigkill-wins'? (`checker list` lists all 4)",
            Suggest.orKnown("sigkill-wns", KNOWN, "known", "checker list"));
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(0, Suggest.distance("abc", "abc"));
        assertEquals(3, Suggest.distance("", "abc"));
        assertEquals(1, Suggest.distance("abc", "abd"));
        assertEquals(3, Suggest.distance("abcd", "badc"));
    }
}
