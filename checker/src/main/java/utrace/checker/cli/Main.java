package utrace.checker.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `checker` command: verify, replay, list. */
@Command(name = "checker",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {VerifyCommand.class, ReplayCommand.class, ListCommand.class, CorpusCommand.class,
        GateCommand.class, BisectCommand.class, CrosscheckCommand.class, LincheckCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class},
    description = {
        "Model checker for the concurrency guarantees of the Linux utrace/ptrace tracing layer",
        "(the 33-patch utrace series). It explores every interleaving of a scenario's actors",
        "(tracee, engine owners, killer, parent) and checks the documented utrace invariants.",
        "",
        "Typical use:",
        "  checker verify                         all default scenarios, invariant set 'core'",
        "  checker verify --scenario stop-then-kill --invariants sigkill-wins",
        "  checker verify --mutation reap-not-deferred   self-test: a seeded bug must be found",
        "  checker replay traces/out/X.json       re-execute a counterexample",
        "  checker list scenarios|invariants|mutations|patches",
        "  checker gate                           the bug matrix: each patch's race, with and without it",
        "  checker bisect --invariant I --scenario S   which patch of the series fixes (or breaks) I",
        "  checker bench                          speed and scale figures of the native engine",
        "  checker corpus [--update]              replay (or refresh) the golden traces in traces/corpus",
        "  checker verify --engine jpf            the same model explored by Java PathFinder (JPF_HOME)",
        "  checker crosscheck                     native engine and JPF side by side; verdicts must agree",
        "  checker lincheck [--iterations N --invocations M]   the engine API under Lincheck",
        ""},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  everything checked holds",
        "  1  a violation was found (replay: the trace reproduces its violation)",
        "  2  usage or input error (bad option, unknown name, malformed or missing file)",
        "  3  incomplete: a --max-states/--time-limit ended the search, nothing is proven",
        "  4  replay only: the trace diverges from the current model"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use verify, replay or list (see --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the CLI in-process (tests use this); returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("checker: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageException) {
                err.println("checker: " + ex.getMessage());
                return ExitCode.USAGE;
            }
            if (ex instanceof UncheckedIOException) {
                err.println("checker: " + ex.getMessage());
                return ExitCode.USAGE;
            }
            err.println("checker: internal error: " + ex);
            ex.printStackTrace(err);
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }
}
