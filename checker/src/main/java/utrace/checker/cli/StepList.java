package utrace.checker.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import utrace.model.SeedCheck;
import utrace.model.SeedRef;
import utrace.model.StepInfo;
import utrace.model.Steps;

/**
 * `checker list steps`: every step the model's actors take, with the kernel
 * function, the patch, where its code is in the seed and what the model
 * simplifies there (the fidelity table, live from the model).
 */
final class StepList {
    private StepList() {}

    /** What a reference's note says, by SeedRef.Kind. */
    private static final String[] NOTE = {"line", "called", "context", "no line"};
    private static final String INDENT = "    ";
    private static final int WIDTH = 96;

    static void steps(PrintWriter out) {
        List<Steps.Entry> all = Steps.all();
        for (Steps.Entry e : all) {
            StepInfo i = e.info();
            SeedRef r = i.ref();
            out.printf("%-7s %-30s patch %-3s %s%n", e.actor(), i.function(), i.patchName(), r.where());
            field(out, "step", i.label());
            if (!r.quote().isEmpty()) field(out, "code", r.quote());
            if (!r.note().isEmpty()) field(out, NOTE[r.kind().ordinal()], r.note());
            if (!r.simplified().isEmpty()) field(out, "simplified", r.simplified());
        }
        out.println();
        Path seed = SeedCheck.find(Path.of(""));
        out.println(all.size() + " steps. seed:N is line N of " + SeedRef.SEED_FILE + " (the series as mail, "
            + (seed == null ? "../shared/seeds/ next to the repository; not found here" : "here " + seed) + ").");
    }

    /** "    name: text", continued lines indented under the text. */
    private static void field(PrintWriter out, String name, String text) {
        String head = INDENT + name + ": ";
        String hang = " ".repeat(head.length());
        StringBuilder line = new StringBuilder(head);
        for (String w : text.split(" ")) {
            if (line.length() + w.length() > WIDTH && line.length() > head.length()) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(hang);
            }
            line.append(w).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }
}
