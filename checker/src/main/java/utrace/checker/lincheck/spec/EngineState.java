package utrace.checker.lincheck.spec;

import java.util.Objects;

/**
 * What the documentation lets an engine's owner know about its engine: is it
 * attached (and not yet detached or reaped), was it ever attached, does the
 * owner still hold its reference, its event mask and whether it asked for a
 * stop. The sequential specifications keep one per engine.
 */
final class EngineState {
    boolean attached;
    boolean everAttached;
    boolean ownerRef;
    int events;
    boolean wantsStop;

    EngineState copy() {
        EngineState c = new EngineState();
        c.attached = attached;
        c.everAttached = everAttached;
        c.ownerRef = ownerRef;
        c.events = events;
        c.wantsStop = wantsStop;
        return c;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof EngineState)) return false;
        EngineState x = (EngineState) o;
        return attached == x.attached && everAttached == x.everAttached && ownerRef == x.ownerRef
            && events == x.events && wantsStop == x.wantsStop;
    }

    @Override public int hashCode() {
        return Objects.hash(attached, everAttached, ownerRef, events, wantsStop);
    }
}
