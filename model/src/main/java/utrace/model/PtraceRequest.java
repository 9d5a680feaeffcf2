package utrace.model;

import java.util.List;

/**
 * One request of the tracer's script with its arguments: the signal passed
 * as ptrace's {@code data} (cont SIG, syscall SIG, detach SIG, ...), WNOHANG
 * for a wait, {@code wait until SIG} (the debugger's attach loop: wait, and
 * while the stop is another signal, PTRACE_CONT with that signal and wait
 * again), what the scenario expects a wait to report ({@code -> stopped
 * SIGSTOP|killed SIGPIPE}: {@link WaitResult} codes) or another request to
 * return ({@code detach -> 0}, {@code peek -> ESRCH}: 0 or a negative
 * {@link Errno}), and an ordering guard.
 */
public record PtraceRequest(PtraceOp op, int signal, boolean nohang, int until, List<Integer> expect, Guard guard) {

    public static PtraceRequest of(PtraceOp op) {
        return new PtraceRequest(op, 0, false, 0, List.of(), null);
    }

    /**
     * The call as traces name it (what the tracer's program counter shows): the request,
     * "PTRACE_CONT", with the signal it passes, "PTRACE_DETACH SIGPIPE".
     */
    public String call() {
        return op.request() + (signal != 0 ? " " + Signals.name(signal) : "");
    }

    /** As written in a scenario. */
    public String text() {
        StringBuilder b = new StringBuilder(op.word);
        if (nohang) b.append(" nohang");
        if (until != 0) b.append(" until ").append(Signals.name(until));
        if (signal != 0) b.append(' ').append(Signals.name(signal));
        if (guard != null) b.append(' ').append(guard.text());
        if (!expect.isEmpty()) {
            b.append(" -> ");
            for (int i = 0; i < expect.size(); i++) {
                b.append(i == 0 ? "" : "|").append(op == PtraceOp.WAIT ? WaitResult.name(expect.get(i)) : Errno.name(expect.get(i)));
            }
        }
        return b.toString();
    }
}
