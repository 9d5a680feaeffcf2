package utrace.model;

/**
 * An ordered list of engine indices packed in one int, three bits per entry
 * (index + 1), first entry in the low bits. Used for utrace->attached,
 * utrace->attaching and the private lists of put_detached_list() and the reap
 * teardown.
 */
public final class EngineList {
    private EngineList() {}

    public static final int EMPTY = 0;

    public static int size(int list) {
        int n = 0;
        while (list != 0) { n++; list >>>= 3; }
        return n;
    }

    public static int get(int list, int i) {
        return ((list >>> (3 * i)) & 7) - 1;
    }

    public static int append(int list, int e) {
        return list | ((e + 1) << (3 * size(list)));
    }

    /** list_splice_tail: {@code b} after {@code a}. */
    public static int concat(int a, int b) {
        return a | (b << (3 * size(a)));
    }

    public static int indexOf(int list, int e) {
        for (int i = 0; list != 0; i++, list >>>= 3) if ((list & 7) == e + 1) return i;
        return -1;
    }

    public static boolean contains(int list, int e) {
        return indexOf(list, e) >= 0;
    }

    public static int remove(int list, int e) {
        int out = EMPTY;
        for (int i = 0, n = size(list); i < n; i++) {
            int x = get(list, i);
            if (x != e) out = append(out, x);
        }
        return out;
    }

    public static int first(int list) {
        return list == 0 ? -1 : (list & 7) - 1;
    }

    public static int last(int list) {
        return list == 0 ? -1 : get(list, size(list) - 1);
    }

    /** The entry after {@code e}, or -1 at the end or if {@code e} is not on the list. */
    public static int next(int list, int e) {
        int i = indexOf(list, e);
        return i < 0 || i + 1 >= size(list) ? -1 : get(list, i + 1);
    }

    /** The entry before {@code e} (list_for_each_entry_reverse), or -1. */
    public static int prev(int list, int e) {
        int i = indexOf(list, e);
        return i <= 0 ? -1 : get(list, i - 1);
    }

    public static String format(int list, java.util.function.IntFunction<String> names) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0, n = size(list); i < n; i++) {
            if (i > 0) b.append(',');
            b.append(names.apply(get(list, i)));
        }
        return b.append(']').toString();
    }
}
