package utrace.traces;

/**
 * What replaying a trace against this build gave.
 *
 * @param stepsReplayed steps that reached the recorded state
 * @param divergedAtStep the 1-based step that went elsewhere; 0 if the initial state already differs;
 *                       -1 unless the outcome is DIVERGED
 * @param message for REPRODUCED the violation message as the invariant reports it now; for DIVERGED
 *                what differs; for NO_LONGER_VIOLATES why the invariant holds now
 */
public record ReplayResult(Outcome outcome, int stepsReplayed, int divergedAtStep, String message) {
    public enum Outcome {
        /** Every step reaches the recorded state and the invariant still fails there. */
        REPRODUCED,
        /** Some step cannot be taken or reaches a different state: the model or scenario changed. */
        DIVERGED,
        /** Every step reaches the recorded state, but the invariant now holds there. */
        NO_LONGER_VIOLATES
    }
}
