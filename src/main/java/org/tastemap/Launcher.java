package org.tastemap;

/**
 * The entry point of the runnable jar. It does not extend {@code javafx.application.Application},
 * so the jar starts with JavaFX on the class path. With arguments it runs the command line;
 * without, it will open the desktop app.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(org.tastemap.cli.Cli.run(args, System.out, System.err));
    }
}
