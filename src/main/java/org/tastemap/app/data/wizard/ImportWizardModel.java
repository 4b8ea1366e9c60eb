package org.tastemap.app.data.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tastemap.app.session.Columns;
import org.tastemap.app.session.DataFiles;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.FilePreview;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.session.Imported;
import org.tastemap.app.session.UserFacingException;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Job;
import org.tastemap.io.TextEncoding;
import org.tastemap.io.ValueKind;

/**
 * The state shared by the import wizard's steps: the file, its detected format, the column mapping,
 * the filters and the import itself. Each step's validity is a binding here; a problem with the file
 * is kept as a message for the step to show, never thrown out of the wizard.
 */
public final class ImportWizardModel {
    private static final Logger LOG = Logger.getLogger(ImportWizardModel.class.getName());
    private final DataFiles files;
    private final BackgroundExecutor executor;

    final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    final ObjectProperty<FilePreview> preview = new SimpleObjectProperty<>(this, "preview");
    final StringProperty fileProblem = new SimpleStringProperty(this, "fileProblem", "");
    final BooleanProperty detecting = new SimpleBooleanProperty(this, "detecting");

    final IntegerProperty userColumn = new SimpleIntegerProperty(this, "userColumn", -1);
    final IntegerProperty artistColumn = new SimpleIntegerProperty(this, "artistColumn", -1);
    final IntegerProperty nameColumn = new SimpleIntegerProperty(this, "nameColumn", Columns.NONE);
    final IntegerProperty playsColumn = new SimpleIntegerProperty(this, "playsColumn", Columns.NONE);
    /** The artist's MusicBrainz id (issue 15: "there is no MBID role"); artists stay keyed by the artist column. */
    final IntegerProperty mbidColumn = new SimpleIntegerProperty(this, "mbidColumn", Columns.NONE);
    /** How names are decoded: detected, or chosen (issue 16: Latin-1 names were merged). */
    final ObjectProperty<TextEncoding> encoding = new SimpleObjectProperty<>(this, "encoding", TextEncoding.AUTO);
    /** What the plays column holds: plays, weights or presence (issue 15: a float score was taken as plays). */
    final ObjectProperty<ValueKind> values = new SimpleObjectProperty<>(this, "values", ValueKind.AUTO);

    final DoubleProperty minPlays = new SimpleDoubleProperty(this, "minPlays", 0);
    final IntegerProperty minArtistsPerUser = new SimpleIntegerProperty(this, "minArtistsPerUser", 1);
    final IntegerProperty minListenersPerArtist = new SimpleIntegerProperty(this, "minListenersPerArtist", 1);

    final BooleanProperty importing = new SimpleBooleanProperty(this, "importing");
    final DoubleProperty importProgress = new SimpleDoubleProperty(this, "importProgress");
    final StringProperty importStatus = new SimpleStringProperty(this, "importStatus", "");
    final StringProperty importProblem = new SimpleStringProperty(this, "importProblem", "");
    final ObjectProperty<Imported> result = new SimpleObjectProperty<>(this, "result");

    final BooleanBinding fileReady;
    /** What the import will do with the plays column's values, from the preview rows ("" without a plays column). */
    final StringBinding valuesHint;
    final StringBinding mappingProblem;
    final BooleanBinding mappingValid;
    final StringBinding filtersProblem;
    final BooleanBinding filtersValid;
    final BooleanBinding imported;

    private Job importJob = Job.DONE;
    private ImportSettings lastSettings;

    public ImportWizardModel(DataFiles files, BackgroundExecutor executor) {
        this.files = files;
        this.executor = executor;
        fileReady = Bindings.createBooleanBinding(() -> preview.get() != null && !detecting.get(), preview, detecting);
        mappingProblem = Bindings.createStringBinding(this::checkMapping, preview, userColumn, artistColumn, nameColumn, playsColumn,
                mbidColumn);
        mappingValid = Bindings.createBooleanBinding(() -> mappingProblem.get().isEmpty(), mappingProblem);
        valuesHint = Bindings.createStringBinding(this::describeValues, preview, playsColumn, values);
        filtersProblem = Bindings.createStringBinding(() -> {
            if (!(minPlays.get() >= 0)) {
                return "Minimum plays must be 0 or more.";
            }
            if (minArtistsPerUser.get() < 1 || minListenersPerArtist.get() < 1) {
                return "The minimum artists per user and listeners per artist must be at least 1.";
            }
            return "";
        }, minPlays, minArtistsPerUser, minListenersPerArtist);
        filtersValid = Bindings.createBooleanBinding(() -> filtersProblem.get().isEmpty(), filtersProblem);
        imported = Bindings.createBooleanBinding(() -> result.get() != null && !importing.get(), result, importing);
        // a new file invalidates everything after it
        file.addListener((o, a, b) -> {
            result.set(null);
            importProblem.set("");
        });
    }

    private String checkMapping() {
        FilePreview p = preview.get();
        if (p == null) {
            return "Choose a file first.";
        }
        int cols = p.columnCount();
        if (userColumn.get() < 0 || userColumn.get() >= cols) {
            return "Choose the column that holds the user.";
        }
        if (artistColumn.get() < 0 || artistColumn.get() >= cols) {
            return "Choose the column that holds the artist.";
        }
        if (userColumn.get() == artistColumn.get()) {
            return "The user and the artist must be different columns.";
        }
        if (playsColumn.get() != Columns.NONE && (playsColumn.get() == userColumn.get() || playsColumn.get() == artistColumn.get()
                || playsColumn.get() == nameColumn.get())) {
            return "The plays column must differ from the user, artist and artist name columns.";
        }
        if (nameColumn.get() != Columns.NONE && nameColumn.get() == userColumn.get()) {
            return "The artist name column must differ from the user column.";
        }
        if (mbidColumn.get() != Columns.NONE && (mbidColumn.get() == userColumn.get() || mbidColumn.get() == playsColumn.get())) {
            return "The MBID column must differ from the user and plays columns.";
        }
        if (playsColumn.get() != Columns.NONE) {
            int bad = 0;
            for (List<String> row : p.rows()) {
                if (row.size() <= playsColumn.get() || !isNumber(row.get(playsColumn.get()))) {
                    bad++;
                }
            }
            if (bad > p.rows().size() / 2) {
                return "The plays column \"" + p.headerNames().get(playsColumn.get()) + "\" does not hold numbers in most preview rows.";
            }
        }
        return "";
    }

    private String describeValues() {
        FilePreview p = preview.get();
        int col = playsColumn.get();
        if (p == null || col == Columns.NONE) {
            return values.get() == ValueKind.PRESENCE || col != Columns.NONE ? "" : "Without a plays column every row counts 1.";
        }
        String example = null;
        for (List<String> row : p.rows()) {
            if (row.size() > col && isNumber(row.get(col))) {
                double v = Double.parseDouble(row.get(col).trim());
                if (v != Math.rint(v)) {
                    example = row.get(col).trim();
                    break;
                }
            }
        }
        String name = "\"" + p.headerNames().get(col) + "\"";
        return switch (values.get()) {
            case AUTO -> example == null ? "The column " + name + " holds whole numbers: read as plays."
                    : "The column " + name + " holds non-integer values (e.g. " + example + "): read as weights, unrounded.";
            case PLAYS -> example == null ? "" : "The column " + name + " holds non-integer values (e.g. " + example
                    + "): they are kept unrounded and counted in the report.";
            case WEIGHT -> "Values are taken as weights, as they are.";
            case PRESENCE -> "Values are ignored: each user-artist pair counts 1.";
        };
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Chooses a file and detects its format in the background. */
    public void chooseFile(Path path) {
        file.set(path);
        preview.set(null);
        fileProblem.set("");
        if (path == null) {
            return;
        }
        detecting.set(true);
        executor.submit("Reading " + path.getFileName(), ctx -> files.detect(path), p -> {
            if (path.equals(file.get())) {
                detecting.set(false);
                preview.set(p);
                Columns c = p.suggested();
                userColumn.set(c.user());
                artistColumn.set(c.artist());
                nameColumn.set(c.name());
                playsColumn.set(c.plays());
                mbidColumn.set(c.mbid());
            }
        }, e -> {
            if (path.equals(file.get())) {
                detecting.set(false);
                fileProblem.set(problemText(e));
                LOG.log(Level.INFO, "cannot detect " + path, e);
            }
        });
    }

    /** The settings the import will use. */
    public ImportSettings settings() {
        FilePreview p = preview.get();
        Columns c = new Columns(userColumn.get(), artistColumn.get(), nameColumn.get(), playsColumn.get(), mbidColumn.get());
        boolean lastFm = p.lastFm() && c.equals(Columns.lastFm());
        return new ImportSettings(lastFm, c, p.delimiter(), p.hasHeader(), minPlays.get(), minArtistsPerUser.get(),
                minListenersPerArtist.get(), encoding.get(), values.get());
    }

    /** Starts the import unless the same settings were already imported. */
    public void startImport() {
        ImportSettings s = settings();
        if (result.get() != null && s.equals(lastSettings) || importing.get()) {
            return;
        }
        Path path = file.get();
        result.set(null);
        importProblem.set("");
        importing.set(true);
        importProgress.set(0);
        importStatus.set("Starting…");
        long t0 = System.nanoTime();
        importJob = executor.submit("Importing " + path.getFileName(), ctx -> files.importFile(path, s, (read, total, rows) -> {
            double secs = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
            double frac = total > 0 ? read / (double) total : -1;
            String text = String.format(Locale.ROOT, "%.1f of %.1f MB · %,.0f rows/s · %s left", read / 1e6, total / 1e6,
                    rows / secs, frac > 0.01 ? Math.round(secs / frac - secs) + " s" : "…");
            ctx.progress(frac, text);
            ctx.publish(() -> {
                importProgress.set(frac);
                importStatus.set(text);
            });
        }, ctx::cancelled), r -> {
            importing.set(false);
            importProgress.set(1);
            importStatus.set(readSummary(r));
            lastSettings = s;
            result.set(r);
        }, e -> {
            importing.set(false);
            importProgress.set(0);
            if (BackgroundExecutor.isCancellation(e)) {
                importStatus.set("");
                importProblem.set("The import was cancelled. The data you had open stays as it was; go Back to change the settings or press Import again.");
            } else {
                importStatus.set("");
                importProblem.set(problemText(e));
                LOG.log(Level.INFO, "import failed: " + path, e);
            }
        });
    }

    /** The settings the current result was imported with (null before an import finished). */
    public ImportSettings importedSettings() {
        return result.get() == null ? null : lastSettings;
    }

    public void cancelImport() {
        importJob.cancel();
    }

    static String problemText(Throwable e) {
        if (e instanceof UserFacingException u) {
            return u.getMessage() + (u.hint() == null ? "" : " " + u.hint());
        }
        if (ErrorReporter.isOutOfMemory(e)) {
            return ErrorReporter.describe(e) + " " + ErrorReporter.OUT_OF_MEMORY_HINT;
        }
        return ErrorReporter.describe(e);
    }

    /** What the read step ends with: rows read, users and artists kept, rows skipped. */
    static String readSummary(Imported r) {
        var m = r.dataset().matrix();
        String s = String.format(Locale.ROOT, "Read %,d rows: %,d users, %,d artists", r.rowsRead(), m.numUsers(), m.numItems());
        return s + (r.skippedTotal() > 0 ? String.format(Locale.ROOT, "; %,d rows skipped (see the summary).", r.skippedTotal()) : ".");
    }

    /**
     * One row of the mapping step: what the column holds, the command-line option that takes the same
     * choice, the control's id, the model's column and whether "(none)" may be chosen.
     */
    record Role(String label, String cliOption, String id, IntegerProperty column, boolean optional) {
        /** The same choice as the command line writes it: "CLI: --mbid-col 2", or "—" for none. */
        String cliText() {
            return "CLI: " + cliOption + " " + (column.get() >= 0 ? Integer.toString(column.get()) : "—");
        }
    }

    /** The roles the mapping step offers, in order. */
    List<Role> roles() {
        return List.of(new Role("User", "--user-col", "map-user", userColumn, false),
                new Role("Artist key (MBID or name)", "--item-col", "map-artist", artistColumn, false),
                new Role("Artist name", "--name-col", "map-name", nameColumn, true),
                new Role("Plays", "--count-col", "map-plays", playsColumn, true),
                new Role("MBID (MusicBrainz id)", "--mbid-col", "map-mbid", mbidColumn, true));
    }

    /**
     * The column choices for the mapping combo boxes: number (from 0, as the CLI's --user-col and
     * --item-col take them), header name and up to three distinct preview values; "(none)" first when optional.
     */
    public List<String> columnChoices(boolean optional) {
        List<String> out = new ArrayList<>();
        if (optional) {
            out.add("(none)");
        }
        FilePreview p = preview.get();
        if (p != null) {
            for (int c = 0; c < p.columnCount(); c++) {
                java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
                for (List<String> row : p.rows()) {
                    if (c < row.size() && !row.get(c).isBlank() && seen.size() < 3) {
                        String v = row.get(c).strip();
                        seen.add(v.length() > 14 ? v.substring(0, 12) + "…" : v);
                    }
                }
                out.add(c + " · " + p.headerNames().get(c) + (seen.isEmpty() ? "" : "   e.g. " + String.join(", ", seen)));
            }
        }
        return out;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<Imported> resultProperty() {
        return result;
    }

    public StringProperty fileProblemProperty() {
        return fileProblem;
    }

    public StringProperty importProblemProperty() {
        return importProblem;
    }

    public ObjectProperty<FilePreview> previewProperty() {
        return preview;
    }

    public BooleanBinding mappingValidBinding() {
        return mappingValid;
    }

    public StringBinding mappingProblemBinding() {
        return mappingProblem;
    }

    public IntegerProperty playsColumnProperty() {
        return playsColumn;
    }

    public IntegerProperty userColumnProperty() {
        return userColumn;
    }

    public IntegerProperty mbidColumnProperty() {
        return mbidColumn;
    }

    public IntegerProperty artistColumnProperty() {
        return artistColumn;
    }
}
