package utrace.checker.cli;

import picocli.CommandLine;

/** --version. */
public final class Version implements CommandLine.IVersionProvider {
    public static final String NAME = "utrace-checker";
    public static final String VERSION = "0.1.0";

    @Override public String[] getVersion() {
        return new String[] {NAME + " " + VERSION + " (model: the 33-patch utrace series, with ptrace)",
            "Java " + System.getProperty("java.version")};
    }
}
