package utrace.checker.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The schemas shipped in schemas/ (repository root), loaded with networknt's validator. */
public final class Schemas {
    private Schemas() {}

    /** schemas/ seen from a module directory (Maven runs tests there) or from the repository root. */
    public static final Path DIR = Files.isDirectory(Path.of("../schemas")) ? Path.of("../schemas") : Path.of("schemas");

    static final String ID = "https://utrace-checker.example/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.schemaMappers(m -> m.mapPrefix(ID, DIR.toAbsolutePath().normalize().toUri().toString())));

    /** The schema NAME.schema.json. */
    public static JsonSchema load(String name) {
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".schema.json"))) {
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR.resolve(name + ".schema.json") + ": " + e.getMessage(), e);
        }
    }

    /** What is wrong with {@code doc} under schema {@code name}; empty if it validates. */
    public static List<String> problems(String name, JsonNode doc) {
        Set<ValidationMessage> msgs = load(name).validate(doc);
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : msgs) out.add(m.getMessage());
        return out;
    }

    public static List<String> problems(String name, String json) throws IOException {
        return problems(name, new ObjectMapper().readTree(json));
    }

    public static List<String> problems(String name, Path file) throws IOException {
        return problems(name, new ObjectMapper().readTree(Files.readAllBytes(file)));
    }
}
