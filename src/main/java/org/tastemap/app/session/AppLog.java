package org.tastemap.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The log file, ~/.tastemap/tastemap.log, where details of errors go. */
public final class AppLog {
    private static boolean installed;

    private AppLog() {
    }

    public static Path logFile() {
        return Path.of(System.getProperty("user.home"), ".tastemap", "tastemap.log");
    }

    /** Sends the app's log records to the log file (once). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            Files.createDirectories(logFile().getParent());
            FileHandler h = new FileHandler(logFile().toString(), 2_000_000, 1, true);
            h.setFormatter(new SimpleFormatter());
            Logger root = Logger.getLogger("org.tastemap");
            root.addHandler(h);
            root.setLevel(Level.INFO);
        } catch (IOException | SecurityException e) {
            Logger.getLogger(AppLog.class.getName()).warning("cannot open the log file: " + e.getMessage());
        }
    }
}
