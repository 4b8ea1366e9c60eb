package org.tastemap.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output path given on the command line can be written,
 * so that a long import and training never end in "cannot write". Errors name the option and the
 * path as the user typed them (never a temporary file). The check is a real probe: an empty file
 * is created in the folder and deleted, since permission bits do not tell for root, read-only
 * mounts or network folders.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** A file that will be created or replaced: not a folder, in an existing, writable folder. */
    static void checkFile(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + path + " is a folder; give a file name inside it");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(option + " " + path + " is not a regular file");
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder == null || !Files.exists(folder)) {
            throw new IllegalArgumentException(option + " " + path + ": the folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + path + ": " + folder + " is not a folder");
        }
        probe(option, path, folder);
    }

    /** A folder that will be created if missing and filled: not a file; its nearest existing ancestor is a writable folder. */
    static void checkFolder(String option, Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + path + " is a file, not a folder");
        }
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + path + ": " + existing + " is not a folder");
        }
        probe(option, path, existing);
    }

    private static void probe(String option, Path path, Path folder) {
        try {
            Path p = Files.createTempFile(folder, ".tastemap-write-check", ".tmp");
            Files.delete(p);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException ? "permission denied"
                    : e.getClass().getSimpleName();
            throw new IllegalArgumentException(option + " " + path + ": cannot write in the folder " + folder + " (" + reason + ")");
        }
    }
}
