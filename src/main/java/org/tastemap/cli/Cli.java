package org.tastemap.cli;

import java.io.PrintStream;

/** The command line: {@code tastemap COMMAND [options]}. */
public final class Cli {
    private Cli() {
    }

    /** Runs one command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        out.println("usage: tastemap COMMAND [options]");
        return args.length == 0 ? 0 : 2;
    }
}
