package org.gtlens.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line inside the test JVM: exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GtLens.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The one line of stderr, failing loudly if there are more or a stack trace. */
    String errorLine() {
        String trimmed = err.strip();
        if (trimmed.contains("\tat ") || trimmed.contains("Exception in")) {
            throw new AssertionError("stack trace on stderr:\n" + err);
        }
        return trimmed.lines().findFirst().orElse("");
    }
}
