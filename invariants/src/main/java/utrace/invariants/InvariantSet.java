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
        return resolve(spec, Path.of(""));
    }

    /**
     * As {@link #resolve(String)}, with a relative set file resolved against {@code base}. Invariant names
     * win over files: `-i sigkill-wins` means the invariant even where the current directory happens to
     * hold a file or folder of that name; a set file is named with a '/' or a '.set' ending, or is a file
     * whose name is no invariant list.
     */
    static InvariantSet resolve(String spec, Path base) throws InvariantSetException {
        if (SHIPPED.contains(spec)) return shipped(spec);
        if (spec.trim().isEmpty()) {
            throw new InvariantSetException("an empty invariant set; give a set (" + String.join(", ", SHIPPED)
                + "), a set file or invariant names separated by commas");
        }
        Path p;
        try {
            p = base.resolve(spec);
        } catch (java.nio.file.InvalidPathException e) {
            p = null;
        }
        if (p != null && (spec.contains("/") || spec.endsWith(".set") || Files.exists(p) && !namesOnly(spec))) {
            if (Files.isDirectory(p)) throw new InvariantSetException(spec + ": is a directory, not an invariant set file");
            if (Files.exists(p) && !Files.isRegularFile(p)) throw new InvariantSetException(spec + ": not a regular file");
            if (!Files.isRegularFile(p)) throw new InvariantSetException("invariant set file not found: " + spec);
            try {
                return parse(spec, utrace.model.TextFiles.decode(spec, Files.readAllBytes(p), "an invariant set"));
            } catch (utrace.model.ScenarioFormatException e) {
                throw new InvariantSetException(e.getMessage());
            } catch (IOException e) {
                throw new InvariantSetException("cannot read invariant set " + spec + ": " + e.getMessage());
            }
        }
        List<Invariant> list = new ArrayList<>();
        for (String n : spec.split(",", -1)) {
            if (n.trim().isEmpty()) {
                throw new InvariantSetException("an empty name in the invariant list '" + shown(spec)
                    + "'; expected names separated by single commas");
            }
            Invariant i = Invariants.byName(n.trim());
            if (i == null && SHIPPED.contains(n.trim())) {
                throw new InvariantSetException("'" + n.trim() + "' in '" + shown(spec) + "' is a set: give a set on its own "
                    + "(-i " + n.trim() + ") or invariant names separated by commas (`checker list invariants`)");
            }
            if (i == null) {
                java.util.List<String> all = new java.util.ArrayList<>(SHIPPED);
                all.addAll(Invariants.names());
                String hint = utrace.model.Suggest.didYouMean(n.trim(), all);
                throw new InvariantSetException("unknown invariant or set '" + shown(n.trim()) + "'" + (hint.isEmpty()
                    ? "; known sets: " + String.join(", ", SHIPPED) + "; known invariants: " + String.join(", ", Invariants.names())
                    : hint + " (`checker list invariants` lists them all; the sets are " + String.join(", ", SHIPPED) + ")"));
            }
            if (!list.contains(i)) list.add(i);
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

    /** Every comma-separated part of {@code spec} is an invariant's name. */
    private static boolean namesOnly(String spec) {
        for (String n : spec.split(",", -1)) if (Invariants.byName(n.trim()) == null) return false;
        return true;
    }

    /** User text as a message repeats it: control characters visible, at most 60 characters. */
    private static String shown(String s) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.length() && b.length() < 60; k++) {
            char c = s.charAt(k);
            b.append(c < 0x20 || c == 0x7f ? "\\x" + (c < 0x10 ? "0" : "") + Integer.toHexString(c) : String.valueOf(c));
        }
        return s.length() > 60 ? b + "..." : b.toString();
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
            String line = i == 0 ? utrace.model.TextFiles.withoutBom(lines[i]) : lines[i];
            if (line.length() > 1000) throw new InvariantSetException(file + ":" + (i + 1) + ": a line of " + line.length()
                + " characters; is this an invariant set file?");
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.trim();
            if (line.isEmpty()) continue;
            Invariant inv = Invariants.byName(line);
            if (inv == null) {
                throw new InvariantSetException(file + ":" + (i + 1) + ": unknown invariant '" + shown(line)
                    + "'; expected one of " + String.join(", ", Invariants.names()));
            }
            out.put(line, inv);
        }
        if (out.isEmpty()) throw new InvariantSetException(file + ":1: the set names no invariant");
        String name = Path.of(file).getFileName().toString();
        return new InvariantSet(name, List.copyOf(out.values()));
    }
}
