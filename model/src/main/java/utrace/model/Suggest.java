package utrace.model;

import java.util.Collection;

/**
 * "Did you mean ...?" for a misspelled name (scenario, invariant, mutation): the known name nearest to what was
 * typed, when it is near enough to be a likely typo. Error messages name one candidate instead of listing every
 * name (a list of 80 scenarios or 47 mutations buries the one that was meant).
 */
public final class Suggest {
    private Suggest() {}

    /** "; did you mean 'NAME'?" for the nearest known name within a typo's distance, else "". */
    public static String didYouMean(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.startsWith(given) && given.length() >= 4 ? 1 : distance(given, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        // a third of the name's length: "sigkill-win" -> sigkill-wins, "stop-then-kil" -> stop-then-kill
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    /** "; did you mean 'NAME'? (WHERE)" if a known name is near enough, else "; WHERE". */
    public static String orList(String given, Collection<String> known, String where) {
        String s = didYouMean(given, known);
        return s.isEmpty() ? "; " + where : s + " (" + where + ")";
    }

    /**
     * "; did you mean 'NAME'? (`LIST` lists all N)" if a known name is near enough, else "; LABEL: every known
     * name" (a short list stays useful when nothing is near).
     */
    public static String orKnown(String given, Collection<String> known, String label, String listCommand) {
        String s = didYouMean(given, known);
        return s.isEmpty() ? "; " + label + ": " + String.join(", ", known)
            : s + " (`" + listCommand + "` lists all " + known.size() + ")";
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
