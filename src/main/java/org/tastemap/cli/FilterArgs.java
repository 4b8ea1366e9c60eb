package org.tastemap.cli;

import java.util.List;
import java.util.function.IntPredicate;
import org.tastemap.core.model.ArtistFilter;
import org.tastemap.core.model.Popularity;
import org.tastemap.core.model.TrainedModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The artist filters of {@code recommend} and {@code similar}: {@code --exclude-top}, {@code --min-listeners}, {@code --max-listeners}. */
final class FilterArgs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--exclude-top", paramLabel = "N", defaultValue = "0",
            description = "Leave out the N artists with the most listeners (default ${DEFAULT-VALUE}: none).")
    long excludeTop;

    @Option(names = "--min-listeners", paramLabel = "N", defaultValue = "0",
            description = "Only artists with at least N listeners (default ${DEFAULT-VALUE}).")
    long minListeners;

    @Option(names = "--max-listeners", paramLabel = "N",
            description = "Only artists with at most N listeners (default: no maximum).")
    Long maxListeners;

    /** The filter, or a usage error (exit 2) naming the options at fault. */
    ArtistFilter filter() {
        long max = maxListeners == null ? Integer.MAX_VALUE : maxListeners;
        List<String> problems = ArtistFilter.problems(excludeTop, minListeners, max);
        if (!problems.isEmpty()) {
            String p = problems.get(0);
            String option = p.contains("most popular") ? "--exclude-top"
                    : p.contains("is above") ? "--min-listeners " + minListeners + " and --max-listeners"
                    : p.contains("minimum") ? "--min-listeners" : "--max-listeners";
            throw new ParameterException(spec.commandLine(), option + ": " + p);
        }
        // a count beyond the int range leaves out every artist or none: clamp it
        return new ArtistFilter(clamp(excludeTop), clamp(minListeners), clamp(max));
    }

    /** The filter's test over the model's listener counts; null when no filter is set. */
    IntPredicate allowed(TrainedModel m) {
        ArtistFilter f = filter();
        return f.isNone() ? null : f.allowed(Popularity.of(m));
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }
}
