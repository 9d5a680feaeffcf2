package utrace.model;

/** Return codes of the engine API, as the kernel spells them. */
public final class Errno {
    private Errno() {}

    public static final int OK = 0;
    public static final int EPERM = -1;
    public static final int ESRCH = -3;
    public static final int EAGAIN = -11;
    public static final int EEXIST = -17;
    public static final int EINVAL = -22;
    public static final int EALREADY = -114;
    public static final int EINPROGRESS = -115;
    public static final int ERESTARTSYS = -512;
    /** Not a kernel errno: "the call has not returned yet". */
    public static final int NONE = 1;

    public static String name(int ret) {
        switch (ret) {
            case OK: return "0";
            case EPERM: return "-EPERM";
            case ESRCH: return "-ESRCH";
            case EAGAIN: return "-EAGAIN";
            case EEXIST: return "-EEXIST";
            case EINVAL: return "-EINVAL";
            case EALREADY: return "-EALREADY";
            case EINPROGRESS: return "-EINPROGRESS";
            case ERESTARTSYS: return "-ERESTARTSYS";
            case NONE: return "-";
            default: return Integer.toString(ret);
        }
    }

    /**
     * A return value as a scenario states it ('detach -> 0', 'peek -> ESRCH'): "0", or an errno name with or
     * without its minus sign; {@link #NONE} if not one of the codes above.
     */
    public static int parse(String text) {
        String t = text.trim();
        if (t.equals("0")) return OK;
        if (!t.startsWith("-")) t = "-" + t;
        for (int code : new int[] {EPERM, ESRCH, EAGAIN, EEXIST, EINVAL, EALREADY, EINPROGRESS, ERESTARTSYS}) {
            if (name(code).equals(t)) return code;
        }
        return NONE;
    }
}
