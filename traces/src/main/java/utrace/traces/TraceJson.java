package utrace.traces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON encoding of a trace: two-space indent, "\n" line ends whatever the platform, trailing newline. */
final class TraceJson {
    private TraceJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(TraceReader.MAX_DEPTH).build())
            .build())
        .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS); // final_state keeps describe() order

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator(""));
        pp.indentObjectsWith(lf);
        pp.indentArraysWith(lf);
        WRITER = MAPPER.writer(pp);
    }

    static byte[] encode(Trace t) throws IOException {
        String json = WRITER.writeValueAsString(t) + "\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
