package org.tastemap;

/**
 * The entry point of the runnable jar. It does not extend {@code javafx.application.Application},
 * so the jar starts with JavaFX on the class path. With arguments it runs the command line;
 * without, it opens the desktop app.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(org.tastemap.app.TastemapApp.class);
            return;
        }
        System.exit(org.tastemap.cli.Cli.run(args, System.out, System.err));
    }
}
