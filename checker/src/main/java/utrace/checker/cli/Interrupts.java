package utrace.checker.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import utrace.traces.AtomicFiles;

/**
 * What happens when a run is cut short: by SIGINT (Ctrl-C, exit 130),
 * SIGTERM (exit 143) or SIGHUP (a lost terminal or ssh session, exit 129), or by the JVM running out of memory or threads (exit 3).
 * The command in progress has registered how to report the rows it finished
 * (text summary, JSON document, JUnit file); temporary files of writes in
 * progress are removed.
 */
final class Interrupts {
    private Interrupts() {}

    /** Exit code after SIGINT (128 + 2), as a shell reports it. */
    static final int SIGINT_EXIT = 130;
    /** Exit code after SIGHUP (128 + 1): without a handler the JVM ended silently, the finished rows lost. */
    static final int SIGHUP_EXIT = 129;
    /** Exit code after SIGTERM (128 + 15). */
    static final int SIGTERM_EXIT = 143;

    /** Reports what a run finished before it was stopped. */
    interface Handler {
        /** {@code reason} e.g. "SIGINT", {@code verdict} INTERRUPTED or INCOMPLETE, {@code exitCode} the process's. */
        void stopped(String reason, String verdict, int exitCode);
    }

    private static volatile Handler active;
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    static void active(Handler h) { active = h; }

    static void clear() { active = null; }

    /** Calls the active handler once (a second signal during the first's report is ignored). */
    static void stop(String reason, String verdict, int exitCode) {
        Handler h = active;
        if (h == null || !STOPPING.compareAndSet(false, true)) return;
        try {
            h.stopped(reason, verdict, exitCode);
        } catch (RuntimeException | Error e) {
            // the process is ending: a report that fails must not hide the exit code
        }
    }

    /** Installs the SIGINT and SIGTERM handlers (the real process only, not in-process tests). */
    static void install() {
        for (String sig : new String[] {"HUP", "INT", "TERM"}) {
            int code = sig.equals("INT") ? SIGINT_EXIT : sig.equals("TERM") ? SIGTERM_EXIT : SIGHUP_EXIT;
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> {
                    stop("SIG" + sig, "INTERRUPTED", code);
                    AtomicFiles.abandonAll();
                    Runtime.getRuntime().halt(code);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the JVM reserves the signal (e.g. -Xrs): its default handling stays
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::abandonAll, "remove temporary files"));
    }
}
