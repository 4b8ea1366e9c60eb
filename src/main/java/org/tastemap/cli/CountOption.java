package org.tastemap.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of list-length options such as {@code -n}: a usage error (exit 2) when below 1. */
final class CountOption {
    private CountOption() {
    }

    static int atLeastOne(CommandSpec spec, String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1 (got " + value + ")");
        }
        return value;
    }
}
