package utrace.model;

/**
 * What one engine callback does: the {@code utrace_resume_action} it returns,
 * for report_signal also the signal disposition (IGN swallows the signal,
 * DELIVER lets it through), and optionally a call it makes on itself
 * ({@code utrace_set_events(current, engine, ..)} or
 * {@code utrace_control(current, engine, ..)}) before returning.
 */
public record CallbackSpec(int action, boolean ignoreSignal, SelfCall selfCall) {
    public static final CallbackSpec RESUME = new CallbackSpec(Actions.RESUME, false, null);

    public enum SelfCallKind { SET_EVENTS, CONTROL }

    public record SelfCall(SelfCallKind kind, int arg) {
        @Override public String toString() {
            return kind == SelfCallKind.SET_EVENTS ? "set_events:" + Events.names(arg) : "control:" + Actions.name(arg);
        }
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder(Actions.name(action));
        if (ignoreSignal) b.append("+IGN");
        if (selfCall != null) b.append('+').append(selfCall);
        return b.toString();
    }
}
