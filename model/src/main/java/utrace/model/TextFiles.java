package utrace.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text input files (scenarios, invariant sets): UTF-8, with a clear
 * {@code file:line} message for a binary file or bytes that are not UTF-8,
 * and a leading byte-order mark dropped (editors on some systems write one).
 */
public final class TextFiles {
    private TextFiles() {}

    /** {@code bytes} as UTF-8 text; a ScenarioFormatException naming the line of a NUL or of the first bad byte. */
    public static String decode(String file, byte[] bytes, String what) throws ScenarioFormatException {
        int line = 1;
        for (byte b : bytes) {
            if (b == 0) throw new ScenarioFormatException(file, line, "a NUL byte: this is a binary file, not " + what + " (text)");
            if (b == '\n') line++;
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return withoutBom(dec.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int at = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') at++;
            throw new ScenarioFormatException(file, at, "not UTF-8 text (byte 0x" + Integer.toHexString(bytes[bad] & 0xff)
                + "); save the file as UTF-8");
        }
    }

    /** The text without a leading U+FEFF byte-order mark. */
    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstBadByte(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
            if (n < 0 || i + n >= b.length + (n == 0 ? 1 : 0) && n > 0) return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) return i;
            }
            i += n + 1;
        }
        return Math.max(0, b.length - 1);
    }
}
