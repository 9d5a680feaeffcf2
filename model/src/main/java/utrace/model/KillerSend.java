package utrace.model;

/**
 * One signal of a killer's line: kill(pid, SIG) (to signal->shared_pending),
 * or with {@code tkill:} tkill(tid, SIG) (to task->pending), optionally
 * ordered after another actor's progress.
 */
public record KillerSend(int signal, boolean tkill, Guard guard) {
    public String text() {
        return (tkill ? "tkill:" : "") + Signals.name(signal) + (guard == null ? "" : " " + guard.text());
    }
}
