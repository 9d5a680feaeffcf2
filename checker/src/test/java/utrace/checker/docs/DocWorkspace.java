package utrace.checker.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import utrace.checker.cli.Main;

/**
 * Runs a doc's `bin/checker ...` command in-process (Main.execute: the jar is
 * not built during `mvn test`) as if from the root of a fresh checkout, but
 * in a scratch directory: a relative path in the command, or a relative
 * default such as --trace-dir traces/out, is resolved in the workspace, and
 * what it names in the repository (a shipped scenario file, traces/corpus)
 * is first copied there. So doc commands can write traces and read them
 * back, and never write into the repository.
 */
final class DocWorkspace {
    record Result(int code, String out, String err) {
        String both() { return out + err; }
    }

    private final Path repo;
    private final Path root;

    DocWorkspace(Path repo, Path root) {
        this.repo = repo;
        this.root = root;
    }

    /** The repository root: the directory above the test's working directory that has README.md and pom.xml. */
    static Path findRepo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("pom.xml"))
                && Files.isDirectory(p.resolve("checker"))) return p;
        }
        throw new IllegalStateException("no repository root (README.md, pom.xml, checker/) above " + Path.of("").toAbsolutePath());
    }

    /** Runs {@code bin/checker ARGS}; the words are the command's, "bin/checker" first. */
    Result run(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("bin/checker")) {
            throw new IllegalArgumentException("not a bin/checker command: " + words);
        }
        List<String> args = rewrite(words.subList(1, words.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The arguments with paths moved into the workspace and relative path defaults made explicit. */
    List<String> rewrite(List<String> args) {
        CommandSpec sub = subcommand(args);
        List<String> out = new ArrayList<>();
        boolean afterDashes = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!afterDashes && a.equals("--")) { afterDashes = true; out.add(a); continue; }
            if (!afterDashes && a.startsWith("-")) {
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    OptionSpec o = sub == null ? null : sub.findOption(a.substring(0, eq));
                    String v = a.substring(eq + 1);
                    out.add(a.substring(0, eq + 1) + (isPath(o) || existsInRepo(v) ? path(v) : v));
                } else {
                    out.add(a);
                }
                continue;
            }
            OptionSpec prev = i > 0 && sub != null && args.get(i - 1).startsWith("-") && !afterDashes ? sub.findOption(args.get(i - 1)) : null;
            boolean optionValue = prev != null && prev.arity().max() > 0 && !prev.typeInfo().isBoolean();
            boolean pathValue = optionValue ? isPath(prev) : positionalIsPath(sub, a, args);
            out.add(pathValue || existsInRepo(a) ? path(a) : a);
        }
        if (sub != null) {
            for (OptionSpec o : sub.options()) {
                String d = o.defaultValue();
                if (!isPath(o) || d == null || Path.of(d).isAbsolute() || mentions(args, o)) continue;
                out.add(o.longestName());
                out.add(path(d));
            }
        }
        return out;
    }

    private static CommandSpec subcommand(List<String> args) {
        CommandLine top = Main.commandLine();
        for (String a : args) {
            if (a.startsWith("-")) continue;
            CommandLine c = top.getSubcommands().get(a);
            return c == null ? null : c.getCommandSpec();
        }
        return null;
    }

    private static boolean isPath(OptionSpec o) {
        return o != null && (o.type() == Path.class || o.type() == java.io.File.class);
    }

    /** The word is the subcommand's path-typed positional (replay TRACE): anything but the subcommand's own name. */
    private static boolean positionalIsPath(CommandSpec sub, String word, List<String> args) {
        if (sub == null || word.equals(sub.name())) return false;
        for (PositionalParamSpec p : sub.positionalParameters()) {
            if (p.type() == Path.class || p.type() == java.io.File.class) return true;
            // a list of paths (replay TRACE...): picocli gives the element type as the auxiliary type
            if (java.util.Collection.class.isAssignableFrom(p.type()) && p.auxiliaryTypes().length == 1
                    && p.auxiliaryTypes()[0] == Path.class) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(List<String> args, OptionSpec o) {
        for (String a : args) {
            for (String n : o.names()) if (a.equals(n) || a.startsWith(n + "=")) return true;
        }
        return false;
    }

    private boolean existsInRepo(String word) {
        // a path has a directory or an extension: 'list invariants' names no file, although ./invariants exists
        if (word.isEmpty() || word.contains(":") || word.contains(",") || !(word.contains("/") || word.contains("."))) return false;
        try {
            Path p = Path.of(word);
            return !p.isAbsolute() && (Files.exists(repo.resolve(p)) || Files.exists(root.resolve(p)));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** A relative path resolved in the workspace; what it names in the repository is copied there first. */
    String path(String word) {
        Path p = Path.of(word);
        if (p.isAbsolute()) return word;
        Path in = root.resolve(p).normalize();
        if (!in.startsWith(root)) throw new IllegalArgumentException("path leaves the workspace: " + word);
        Path src = repo.resolve(p).normalize();
        if (!Files.exists(in) && Files.exists(src) && !src.startsWith(repo.resolve("traces/out"))) copy(src, in);
        return in.toString();
    }

    private static void copy(Path src, Path dst) {
        try (Stream<Path> all = Files.walk(src)) {
            for (Path s : (Iterable<Path>) all.sorted(Comparator.naturalOrder())::iterator) {
                if (s.toString().contains("/target/")) continue;
                Path d = dst.resolve(src.relativize(s).toString());
                if (Files.isDirectory(s)) Files.createDirectories(d);
                else {
                    Files.createDirectories(d.getParent());
                    Files.copy(s, d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
