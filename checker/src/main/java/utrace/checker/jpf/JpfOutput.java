package utrace.checker.jpf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the checker reads from JPF's console report (jpf-core's
 * ConsolePublisher, with the topics {@link JpfJob} asks for): the statistics,
 * a search constraint (a budget hit), and the first error with that path's
 * output, in which {@link JpfDriver} printed the schedule.
 *
 * @param statistics false if the report has no statistics section (JPF did not run a search)
 * @param errorProperty the violated JPF property of the first error (class name), or null
 * @param errorMessage the first line after it (e.g. the AssertionError and its message), or null
 * @param violatedInvariant the invariant {@link JpfDriver} printed on the error path, or null
 * @param violationKind TRANSITION, STATE or TERMINAL as printed, or null
 * @param schedule the actor of every step on the error path (empty without an error)
 * @param constraint the search constraint's text (a budget hit: the search is incomplete), or null
 * @param watchedFrom on a cycle's error path ({@link ChoiceDriver#runWatching}), how many steps came before the
 *     run started watching; -1 if it did not
 */
public record JpfOutput(boolean statistics, long newStates, long visitedStates, long endStates, int maxDepth,
                        int constraints, String elapsed, String errorProperty, String errorMessage,
                        String violatedInvariant, String violationKind, List<Integer> schedule, String constraint,
                        int watchedFrom) {

    /** True if the error is the cycle listener's ({@link JpfCycleListener}): a cycle without progress. */
    public boolean cycleError() {
        return errorProperty != null && errorProperty.startsWith(JpfCycleListener.CLASS);
    }

    /**
     * Two searches of one scenario as one (the thread driver's, then the choice driver's cycle search): states
     * and constraints added, the deeper depth, the second's error and elapsed time.
     */
    public JpfOutput then(JpfOutput second) {
        return new JpfOutput(statistics && second.statistics, newStates + second.newStates,
            visitedStates + second.visitedStates, endStates + second.endStates, Math.max(maxDepth, second.maxDepth),
            constraints + second.constraints, second.elapsed, second.errorProperty, second.errorMessage,
            second.violatedInvariant, second.violationKind, second.schedule, second.constraint, second.watchedFrom);
    }

    private static final String BAR = "====================================================== ";
    private static final Pattern STATES = Pattern.compile("^states:\\s+new=(\\d+),visited=(\\d+),backtracked=\\d+,end=(\\d+)");
    private static final Pattern SEARCH = Pattern.compile("^search:\\s+maxDepth=(\\d+),constraints=(\\d+)");
    private static final Pattern ELAPSED = Pattern.compile("^elapsed time:\\s+(\\S+)");

    public boolean hasError() { return errorProperty != null; }

    public static JpfOutput parse(String text) {
        boolean stats = false;
        long newStates = 0, visited = 0, end = 0;
        int depth = 0, constraints = 0;
        String elapsed = "";
        String property = null, message = null, invariant = null, kind = null, constraint = null;
        List<Integer> schedule = new ArrayList<>();
        int watchedFrom = -1;
        String section = "";
        int inSection = 0;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith(BAR)) {
                section = line.substring(BAR.length()).trim();
                inSection = 0;
                continue;
            }
            inSection++;
            if (section.equals("error 1")) {
                if (inSection == 1) property = line.trim();
                else if (inSection == 2) message = line.trim();
            } else if (section.equals("output #1") || section.equals("output 1")) {
                if (line.startsWith(JpfDriver.STEP)) {
                    schedule.add(Integer.parseInt(line.substring(JpfDriver.STEP.length()).trim()));
                } else if (line.startsWith(ChoiceDriver.WATCH) && watchedFrom < 0) {
                    watchedFrom = schedule.size();
                } else if (line.startsWith(JpfDriver.VIOLATION)) {
                    String[] w = line.substring(JpfDriver.VIOLATION.length()).trim().split(" ");
                    invariant = w[0];
                    kind = w.length > 1 ? w[1] : null;
                }
            } else if (section.equals("search constraint")) {
                if (constraint == null && !line.isBlank()) constraint = line.trim();
            } else if (section.equals("statistics")) {
                stats = true;
                Matcher m = STATES.matcher(line);
                if (m.find()) {
                    newStates = Long.parseLong(m.group(1));
                    visited = Long.parseLong(m.group(2));
                    end = Long.parseLong(m.group(3));
                }
                m = SEARCH.matcher(line);
                if (m.find()) {
                    depth = Integer.parseInt(m.group(1));
                    constraints = Integer.parseInt(m.group(2));
                }
                m = ELAPSED.matcher(line);
                if (m.find()) elapsed = m.group(1);
            }
        }
        if (property == null) {
            schedule.clear();
            watchedFrom = -1;
        }
        return new JpfOutput(stats, newStates, visited, end, depth, constraints, elapsed, property, message, invariant, kind,
            List.copyOf(schedule), constraint, watchedFrom);
    }
}
