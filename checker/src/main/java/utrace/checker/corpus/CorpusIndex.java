package utrace.checker.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import utrace.invariants.Invariants;
import utrace.model.Mutation;
import utrace.model.Series;

/**
 * The corpus index (traces/corpus/corpus.list): one row per configuration
 * that must violate an invariant, so that adding a bug-matrix row is one
 * line plus `make corpus`. Format, one row a line, '#' starts a comment:
 * <pre>
 * NAME scenario=SCENARIO [mutations=M1,M2] [patches=SELECTION] invariant=INVARIANT
 * </pre>
 * SELECTION is what `--patches` takes (Series.select): all, upto:N, without:N[,M], 1-8,10.
 */
public final class CorpusIndex {
    private CorpusIndex() {}

    public static final String FILE_NAME = "corpus.list";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final List<String> KEYS = List.of("scenario", "mutations", "patches", "invariant", "without-barriers");

    /** @throws CorpusException with {@code file:line: what was expected}, or if the file is missing */
    public static List<CorpusRow> read(Path file) throws CorpusException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CorpusException("corpus index not found: " + file);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    static List<CorpusRow> parse(String file, String text) throws CorpusException {
        List<CorpusRow> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int hash = lines[i].indexOf('#');
            String l = (hash >= 0 ? lines[i].substring(0, hash) : lines[i]).trim();
            if (l.isEmpty()) continue;
            CorpusRow row = row(file, i + 1, l.split("\\s+"));
            if (!names.add(row.name())) throw error(file, i + 1, "duplicate row name '" + row.name() + "'");
            rows.add(row);
        }
        return rows;
    }

    private static CorpusRow row(String file, int line, String[] words) throws CorpusException {
        String name = words[0];
        if (!NAME.matcher(name).matches() || name.contains("=")) {
            throw error(file, line, "expected a row name (letters, digits, . _ + -) first, got '" + name + "'");
        }
        String scenario = null;
        String invariant = null;
        String patches = "all";
        String withoutBarriers = "";
        List<String> mutations = List.of();
        Set<String> seen = new HashSet<>();
        for (String w : Arrays.asList(words).subList(1, words.length)) {
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            String value = eq < 0 ? "" : w.substring(eq + 1);
            if (!KEYS.contains(key) || eq < 0) {
                throw error(file, line, "expected KEY=VALUE with KEY one of " + String.join(", ", KEYS) + ", got '" + w + "'");
            }
            if (!seen.add(key)) throw error(file, line, "'" + key + "' given twice");
            if (value.isEmpty()) throw error(file, line, key + "= needs a value");
            switch (key) {
                case "scenario": scenario = value; break;
                case "invariant":
                    if (Invariants.byName(value) == null) {
                        throw error(file, line, "unknown invariant '" + value + "'; known: " + String.join(", ", Invariants.names()));
                    }
                    invariant = value;
                    break;
                case "patches":
                    try {
                        Series.select(value);
                    } catch (IllegalArgumentException e) {
                        throw error(file, line, "patches=" + value + ": " + e.getMessage());
                    }
                    patches = value;
                    break;
                case "without-barriers":
                    // the weak memory model without these barriers
                    try {
                        utrace.model.ModelConfig.fullSeries().withMemoryModel(utrace.model.MemoryModel.WEAK)
                            .withoutBarriers(utrace.model.Barrier.parseList(value));
                    } catch (IllegalArgumentException e) {
                        throw error(file, line, "without-barriers=" + value + ": " + e.getMessage());
                    }
                    withoutBarriers = value;
                    break;
                default:
                    mutations = Arrays.asList(value.split(","));
                    for (String m : mutations) {
                        if (Mutation.byId(m) == null) throw error(file, line, "unknown mutation '" + m + "'; known: " + mutationIds());
                    }
            }
        }
        if (scenario == null) throw error(file, line, "row '" + name + "' needs scenario=NAME|FILE");
        if (invariant == null) throw error(file, line, "row '" + name + "' needs invariant=NAME (the invariant it must violate)");
        return new CorpusRow(name, scenario, mutations, patches, invariant, line, withoutBarriers);
    }

    private static String mutationIds() {
        List<String> ids = new ArrayList<>();
        for (Mutation m : Mutation.values()) ids.add(m.id);
        return String.join(", ", ids);
    }

    private static CorpusException error(String file, int line, String what) {
        return new CorpusException(file + ":" + line + ": " + what);
    }
}
