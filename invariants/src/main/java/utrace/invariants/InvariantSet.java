package utrace.invariants;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named list of invariants. Sets are plain files (one invariant name per
 * line, '#' comments) shipped in invariants/sets/; a user can also give a
 * file path or a comma-separated list of invariant names.
 */
public record InvariantSet(String name, List<Invariant> invariants) {

    public static final List<String> SHIPPED = List.of("core", "ptrace", "ptrace-tests", "all");

    /** A shipped set name, a path to a set file, or "a,b,c" invariant names. */
    public static InvariantSet resolve(String spec) throws InvariantSetException {
        if (SHIPPED.contains(spec)) return shipped(spec);
        Path p = Path.of(spec);
        if (spec.contains("/") || spec.endsWith(".set") || Files.exists(p)) {
            if (!Files.isRegularFile(p)) throw new InvariantSetException("invariant set file not found: " + spec);
            try {
                return parse(spec, Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InvariantSetException("cannot read invariant set " + spec + ": " + e.getMessage());
            }
        }
        List<Invariant> list = new ArrayList<>();
        for (String n : spec.split(",")) {
            Invariant i = Invariants.byName(n.trim());
            if (i == null) {
                throw new InvariantSetException("unknown invariant or set '" + n.trim() + "'; known sets: "
                    + String.join(", ", SHIPPED) + "; known invariants: " + String.join(", ", Invariants.names()));
            }
            list.add(i);
        }
        return new InvariantSet(spec, List.copyOf(list));
    }

    /**
     * This set plus invariant {@code name} if it is not in it already: how a mutation is checked
     * (the core set plus the invariant the mutation names, which for the ptrace-tests mutations is
     * outside core).
     */
    public InvariantSet plus(String name) {
        for (Invariant i : invariants) if (i.name().equals(name)) return this;
        Invariant extra = Invariants.byName(name);
        if (extra == null) throw new IllegalArgumentException("unknown invariant " + name);
        List<Invariant> all = new ArrayList<>(invariants);
        all.add(extra);
        return new InvariantSet(this.name + "+" + name, List.copyOf(all));
    }

    public static InvariantSet shipped(String name) throws InvariantSetException {
        try (InputStream in = InvariantSet.class.getResourceAsStream("/invariant-sets/" + name)) {
            if (in == null) throw new InvariantSetException("shipped invariant set missing from the jar: " + name);
            return parse("invariants/sets/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvariantSetException("cannot read shipped invariant set " + name + ": " + e.getMessage());
        }
    }

    static InvariantSet parse(String file, String text) throws InvariantSetException {
        Map<String, Invariant> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.trim();
            if (line.isEmpty()) continue;
            Invariant inv = Invariants.byName(line);
            if (inv == null) {
                throw new InvariantSetException(file + ":" + (i + 1) + ": unknown invariant '" + line
                    + "'; expected one of " + String.join(", ", Invariants.names()));
            }
            out.put(line, inv);
        }
        if (out.isEmpty()) throw new InvariantSetException(file + ":1: the set names no invariant");
        String name = Path.of(file).getFileName().toString();
        return new InvariantSet(name, List.copyOf(out.values()));
    }
}
