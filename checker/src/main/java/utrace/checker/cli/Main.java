package utrace.checker.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `checker` command and its subcommands. */
@Command(name = "checker",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Model checker for the concurrency guarantees of the Linux utrace/ptrace tracing layer (the 33-patch "
            + "utrace series). It explores every interleaving of a scenario's actors (tracee, engine owners, "
            + "ptracer, killers, parent) and checks the documented utrace invariants.",
        "",
        "Typical use:",
        "  checker verify",
        "      every default scenario against the invariant set 'core' plus the invariants its 'checks' line names",
        "  checker verify --scenario stop-then-kill --invariants sigkill-wins",
        "  checker verify --mutation reap-not-deferred",
        "      self-test: a seeded bug must be found",
        "  checker replay traces/out/X.json",
        "      re-execute a counterexample on the current model",
        "  checker list scenarios|invariants|mutations|patches|steps|barriers|litmus",
        "  checker gate --junit gate.xml",
        "      the bug matrix (each patch's race, with and without it) as a CI gate",
        "  checker audit [--scenario S]",
        "      which invariants a scenario's PASS backs (a known bug fails them)",
        "  checker bisect -i I --scenario S",
        "      which patch of the series fixes (or breaks) invariant I",
        "  checker corpus [--update]",
        "      replay (or refresh) the golden traces in traces/corpus",
        "  checker verify --engine jpf",
        "      the same model explored by Java PathFinder (needs JPF_HOME)",
        "  checker crosscheck",
        "      native engine and JPF side by side; verdicts must agree",
        "  checker lincheck",
        "      the engine API under Lincheck",
        "  checker bench",
        "      speed and scale figures of the native engine",
        "  checker merge gate-1.json gate-2.json ...",
        "      one verdict from the JSON of gate --shard or verify --swarm jobs",
        "  checker fuzz --seed 1 --count 2000",
        "      generated scenarios; violations sorted into known findings and new candidates",
        "",
        "Every command takes --help; the reports (--format json, --junit) are described in docs/ci.md.",
        ""},
    footerHeading = "%nExit codes:%n")
public final class Main implements Runnable {
    /** The subcommands, in the order `checker --help` lists them ({@link #commandLine(String...)} registers them). */
    static final List<Class<?>> COMMANDS = List.of(VerifyCommand.class, ReplayCommand.class, ListCommand.class,
        CorpusCommand.class, GateCommand.class, BisectCommand.class, CrosscheckCommand.class, LincheckCommand.class,
        BenchCommand.class, MergeCommand.class, AuditCommand.class, FuzzCommand.class, CommandLine.HelpCommand.class);

    /** Help is laid out for this many columns, whatever the terminal. */
    static final int HELP_WIDTH = 80;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("checker: missing command; the commands are:");
        cl.getErr().print(cl.getHelp().commandList());
        cl.getErr().println("Run 'checker COMMAND --help' for a command's options, 'checker --help' for more.");
        cl.getErr().flush();
        throw new MissingCommand();
    }

    /** Thrown after the command list was printed: exit 2, nothing more to say. */
    static final class MissingCommand extends RuntimeException {
        MissingCommand() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) {
        Interrupts.install();
        StdoutWatch watch = StdoutWatch.install();
        int code = execute(args, System.out, System.err, watch::brokenPipe);
        System.exit(code);
    }

    /** The command line with every subcommand, its help laid out at {@link #HELP_WIDTH}, exit codes as footers. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand (not help), that one
     * alone. picocli builds a command's model by reflection over all its options when it is registered;
     * for all eleven commands that was more than half of a small `verify`'s start-up (0.29 of 0.52 s),
     * spent on commands that do not run. Anything else (no argument, an option, help, a misspelt
     * command that picocli suggests a correction for) gets them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = args.length == 0 ? null : named(args[0]);
        for (Class<?> c : COMMANDS) if (only == null || c == only) cl.addSubcommand(c);
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setUsageHelpLongOptionsMaxWidth(26);
        cl.getCommandSpec().usageMessage().footer(ExitCode.footer("checker")).descriptionHeading("%n");
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandLine sub = e.getValue();
            sub.setUsageHelpWidth(HELP_WIDTH);
            sub.setUsageHelpLongOptionsMaxWidth(26);
            if (e.getKey().equals("help")) continue;
            sub.getCommandSpec().usageMessage().footerHeading("%nExit codes:%n").footer(ExitCode.footer(e.getKey()))
                .descriptionHeading("%n");
            // Laid out when help is printed, not at every start: rendering each command's synopsis cost start-up
            // time on runs that print no help at all.
            sub.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> {
                wrapSynopsisAtSpaces(sub);
                return help.synopsis(help.synopsisHeadingLength());
            });
        }
        return cl;
    }

    /** The subcommand class called {@code name} (not help), or null. */
    private static Class<?> named(String name) {
        for (Class<?> c : COMMANDS) {
            Command cmd = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && cmd != null && cmd.name().equals(name)) return c;
        }
        return null;
    }

    /**
     * picocli wraps the synopsis where java.text.BreakIterator allows, which includes inside an option after
     * '-' or ',' ("[--" / "[no-]symmetry]"); this lays it out once at full length and wraps it at spaces only,
     * continuation lines under the first option.
     */
    private static void wrapSynopsisAtSpaces(CommandLine c) {
        c.setUsageHelpWidth(1000);
        String whole = c.getHelp().synopsis(0).strip().replaceAll("\\s+", " ");
        c.setUsageHelpWidth(HELP_WIDTH);
        String heading = "Usage: ";
        String name = c.getCommandSpec().qualifiedName();
        if (!whole.startsWith(name + " ")) return; // not the layout this expects: keep picocli's
        String indent = " ".repeat(heading.length() + name.length() + 1);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(name);
        int width = heading.length();
        for (String w : whole.substring(name.length() + 1).split(" ")) {
            if (width + line.length() + 1 + w.length() > HELP_WIDTH) {
                lines.add(line.toString().replace("%", "%%"));
                line = new StringBuilder(indent).append(w);
                width = 0;
            } else {
                line.append(' ').append(w);
            }
        }
        lines.add(line.toString().replace("%", "%%"));
        c.getCommandSpec().usageMessage().customSynopsis(lines.toArray(new String[0]));
    }

    /** Runs the CLI in-process (tests use this); returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, () -> false);
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}; {@code brokenPipe} says whether stdout's reader went away. */
    static int execute(String[] args, PrintStream out, PrintStream err, java.util.function.BooleanSupplier brokenPipe) {
        if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help") && named(args[0]) == null) {
            // Said before parsing: `checker explain --help` would otherwise print the top-level help and exit 0.
            List<String> names = new ArrayList<>();
            for (Class<?> c : COMMANDS) {
                Command cmd = c.getAnnotation(Command.class);
                if (cmd != null) names.add(cmd.name());
            }
            err.println("checker: unknown command '" + oneLine(args[0]) + "'" + utrace.model.Suggest.orList(args[0], names,
                "the commands are " + String.join(", ", names)));
            err.println("Run 'checker --help' for usage.");
            return ExitCode.USAGE;
        }
        CommandLine cl = commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("checker: " + oneLine(ex.getMessage()));
            CommandLine c = ex.getCommandLine();
            err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err));
        try {
            int code = cl.execute(args);
            cl.getOut().flush();
            return stdoutChecked(code, out, err, brokenPipe.getAsBoolean());
        } catch (OutOfMemoryError e) {
            return outOfMemory(e, err);
        } catch (StackOverflowError e) {
            Interrupts.clear();
            err.println("checker: the input is nested too deeply to process (stack overflow); nothing more was done");
            return ExitCode.USAGE;
        } finally {
            Interrupts.clear();
        }
    }

    /**
     * {@code code}, or 2 if standard output could not be written: PrintStream swallows write errors, so
     * `verify --format json > report.json` on a full disk used to exit 0 with the document lost. A reader
     * that went away on purpose (`checker --help | head`) is no error.
     */
    static int stdoutChecked(int code, PrintStream out, PrintStream err, boolean brokenPipe) {
        if (!out.checkError() || brokenPipe) return code;
        err.println("checker: standard output could not be written (is the disk full?): what was printed there is "
            + "incomplete" + (code == ExitCode.USAGE ? "" : "; the run itself ended with exit code " + code));
        return ExitCode.USAGE;
    }

    private static int handle(Exception ex, PrintStream err) {
        if (ex instanceof MissingCommand) return ExitCode.USAGE;
        Interrupts.clear();
        if (ex instanceof UsageException || ex instanceof UncheckedIOException) {
            err.println("checker: " + oneLine(ex.getMessage()));
            return ExitCode.USAGE;
        }
        err.println("checker: internal error: " + oneLine(String.valueOf(ex))
            + (debug() ? "" : " (a bug; run with CHECKER_DEBUG=1 for the stack trace)"));
        if (debug()) ex.printStackTrace(err);
        return ExitCode.USAGE;
    }

    /**
     * Out of heap or of native threads: whatever the search had not finished proves nothing (exit 3, as for a
     * limit), never a violation. The rows finished before are reported by the command's interrupt handler.
     */
    static int outOfMemory(OutOfMemoryError e, PrintStream err) {
        String what = e.getMessage() != null && e.getMessage().contains("native thread") ? "out of threads" : "out of memory";
        Interrupts.stop(what, "INCOMPLETE", ExitCode.INCOMPLETE);
        err.println("checker: " + what + " (" + e.getMessage() + "): the run is INCOMPLETE, nothing is proven for the rest. "
            + (what.equals("out of threads") ? "Use fewer --workers." : "Give Java more heap (CHECKER_JAVA_OPTS=-Xmx8g), use "
            + "fewer --workers, a smaller --bitstate table, --search dfs or --max-states."));
        return ExitCode.INCOMPLETE;
    }

    private static boolean debug() {
        String d = System.getenv("CHECKER_DEBUG");
        return d != null && !d.isEmpty() && !d.equals("0");
    }

    /** A message on one line: a multi-line message (from a library) keeps its first line and says how much more. */
    static String oneLine(String msg) {
        if (msg == null) return "";
        String m = msg.replace("\r", "");
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl).stripTrailing();
        return m.length() > 2000 ? m.substring(0, 2000) + "... (message cut)" : m;
    }
}
