package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TextWrapTest {
    @Test void aLongIdentifierStaysWholeOnALineOfItsOwn() {
        List<String> lines = TextWrap.wrap("tracehook_report_syscall_entry: ptrace_report_syscall: PT_SYSCALL_TRACE (22)", 28);
        assertEquals("tracehook_report_syscall_entry:", lines.get(0), "cut today as 'tracehook_report_syscall_ent' / 'ry:'");
        assertEquals(List.of("tracehook_report_syscall_entry:", "ptrace_report_syscall:", "PT_SYSCALL_TRACE (22)"), lines);
    }

    @Test void aLongFlagSetBreaksAfterItsBars() {
        List<String> lines = TextWrap.wrap("flags: QUIESCE|REAP|DEATH|SYSCALL_ENTRY|ENGINE_STOP", 20);
        assertEquals(List.of("flags:", "QUIESCE|REAP|DEATH|", "SYSCALL_ENTRY|", "ENGINE_STOP"), lines);
        for (String l : lines) assertTrue(l.length() <= 20, l);
    }

    @Test void longestPieceIsTheWidestUnbreakableRun() {
        assertEquals("tracehook_report_syscall_entry:".length(), TextWrap.longestPiece("a tracehook_report_syscall_entry: b"));
        assertEquals("SYSCALL_ENTRY|".length(), TextWrap.longestPiece("QUIESCE|REAP|SYSCALL_ENTRY|STOP"));
    }

    /** Over every label, function and detail of the corpus at many widths: nothing lost, nothing cut mid-name. */
    @Test void everyCorpusTextWrapsWithoutCuttingAName() throws Exception {
        Set<String> texts = new LinkedHashSet<>();
        for (Path p : CorpusTraces.files()) {
            for (Trace.Step s : TraceReader.read(p).steps()) {
                texts.add(s.function() + ": " + s.label());
                if (!s.detail().isEmpty()) texts.add(s.detail());
            }
        }
        for (String text : texts) {
            for (int width = 8; width <= 40; width += 4) {
                List<String> lines = TextWrap.wrap(text, width);
                String norm = text.trim().replaceAll("\\s+", " ");
                int pos = 0;
                for (String l : lines) {
                    assertTrue(norm.startsWith(l, pos), "'" + l + "' continues the text at " + pos + ": " + norm);
                    if (l.length() > width) assertEquals(TextWrap.longestPiece(l), l.length(), "only an unbreakable piece overflows: " + l);
                    pos += l.length();
                    if (pos == norm.length()) break;
                    // A line ends at a space of the text or after a '|' or ',': never between two letters of a name.
                    if (norm.charAt(pos) == ' ') {
                        pos++;
                    } else {
                        char last = norm.charAt(pos - 1);
                        assertTrue(last == '|' || last == ',', "cut inside a name after '" + l + "' in: " + norm);
                    }
                }
                assertEquals(norm.length(), pos, "all of the text is there: " + norm);
            }
        }
    }
}
