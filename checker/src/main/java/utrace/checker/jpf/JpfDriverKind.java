package utrace.checker.jpf;

import java.util.List;
import java.util.Locale;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.model.Model;

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

    /**
     * What `--jpf-driver auto` means: the thread driver up to this many
     * native states, the choice driver above (JPF's program states under
     * threads are 6 to 100 times the model's: a few hundred model states
     * take it seconds to a minute, a few thousand take it hours).
     */
    public static final long AUTO_THREADS_MAX_STATES = 700;

    /**
     * The driver `auto` picks for one scenario: {@link #CHOICES} for the weak
     * memory model (its memory actors would be one thread each) and for a
     * scenario whose native search has more than {@code threadsMaxStates}
     * states (measured with a search cut off just above that), else
     * {@link #THREADS}.
     */
    public static JpfDriverKind auto(Model model, List<Invariant> invariants, long threadsMaxStates) {
        if (model.config().weak()) return CHOICES;
        ExplorationResult r = new Explorer(new Limits(threadsMaxStates + 1, 0), ProgressListener.NONE).explore(model, invariants);
        return r.verdict() == Verdict.INCOMPLETE || r.stats().states() > threadsMaxStates ? CHOICES : THREADS;
    }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** @return null for an unknown name */
    public static JpfDriverKind byId(String id) {
        for (JpfDriverKind k : values()) if (k.id().equals(id)) return k;
        return null;
    }
}
