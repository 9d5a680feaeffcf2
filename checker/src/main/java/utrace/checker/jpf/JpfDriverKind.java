package utrace.checker.jpf;

import java.util.Locale;

/**
 * Which program JPF runs over the model (`--jpf-driver`). Both are JPF's
 * search over the same model; they differ in what JPF sees as a program
 * state, and so in cost (see the README's JPF section for measured figures).
 */
public enum JpfDriverKind {
    /** {@link JpfDriver}: one Java thread per actor, each step atomic under one monitor; JPF schedules the threads. */
    THREADS(JpfDriver.class),
    /** {@link ChoiceDriver}: one thread; at every state JPF chooses the actor that moves next. */
    CHOICES(ChoiceDriver.class);

    public final Class<?> mainClass;

    JpfDriverKind(Class<?> mainClass) {
        this.mainClass = mainClass;
    }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** @return null for an unknown name */
    public static JpfDriverKind byId(String id) {
        for (JpfDriverKind k : values()) if (k.id().equals(id)) return k;
        return null;
    }
}
