package org.tastemap.app.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.tastemap.io.ColumnMapping;
import org.tastemap.io.DetectedFormat;
import org.tastemap.io.FactorExport;
import org.tastemap.io.FileProgress;
import org.tastemap.io.FormatDetector;
import org.tastemap.io.ImportException;
import org.tastemap.io.ImportFormat;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.ImportReport;
import org.tastemap.io.ImportResult;
import org.tastemap.io.Importer;
import org.tastemap.io.ModelFile;
import org.tastemap.io.ModelFileException;
import org.tastemap.io.RecommendationCsv;
import org.tastemap.io.SkipReason;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/** {@link DataFiles} over the io package: its importer, format detector, model files and exports. */
public final class IoDataFiles implements DataFiles {

    @Override
    public FilePreview detect(Path file) throws IOException {
        try {
            DetectedFormat d = FormatDetector.detect(file);
            ColumnMapping m = d.suggestedMapping();
            boolean lastFm = d.format() == ImportFormat.LASTFM;
            // a Last.fm file is suggested with exactly the Last.fm layout, so that the wizard keeps the fast
            // Last.fm reader (and the MBIDs) unless the user changes the mapping
            return new FilePreview(lastFm ? "Last.fm 360K (TSV)" : "Delimited text", lastFm, d.delimiter(), d.hasHeader(),
                    d.gzip(), d.headerNames(), d.previewRows(),
                    lastFm ? Columns.lastFm() : new Columns(m.userColumn(), m.artistColumn(), m.nameColumn(), m.countColumn(), m.mbidColumn()));
        } catch (ImportException e) {
            throw new UserFacingException(e.getMessage(), "Choose a delimited text file (TSV or CSV, plain or .gz) "
                    + "with a user, an artist and optionally a plays column.", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserFacingException("There is no file at " + file + ".", "Choose an existing file.", e);
        }
    }

    @Override
    public Imported importFile(Path file, ImportSettings s, ImportListener listener, BooleanSupplier cancelled)
            throws IOException {
        ImportOptions options;
        try {
            Columns c = s.columns();
            options = (s.lastFm() ? ImportOptions.lastFm()
                    : ImportOptions.delimited(new ColumnMapping(c.user(), c.artist(), c.name(), c.plays(), c.mbid()), s.delimiter(), s.hasHeader()))
                    .withFilters(s.minPlays(), s.minArtistsPerUser(), s.minListenersPerArtist())
                    .withEncoding(s.encoding()).withValues(s.values());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), "Change the column mapping or the filters.", e);
        }
        ImportResult r;
        try {
            r = Importer.importFile(file, options, listener::progress, cancelled);
        } catch (CancellationException e) {
            throw e;
        } catch (ImportException e) {
            throw new UserFacingException(e.getMessage(), "Check the column mapping and the delimiter, or choose another file.", e);
        }
        ImportReport rep = r.report();
        List<Imported.Skipped> skipped = new ArrayList<>();
        for (SkipReason reason : SkipReason.values()) {
            ImportReport.Skipped sk = rep.skipped().get(reason);
            if (sk != null) {
                skipped.add(new Imported.Skipped(reason.description(), sk.count(), sk.exampleLines()));
            }
        }
        return new Imported(r.dataset(), rep.rowsRead(), skipped, rep.summary());
    }

    @Override
    public void saveModel(Path file, TrainedModel model) throws IOException {
        try {
            ModelFile.save(file, model);
        } catch (ModelFileException e) {
            throw new UserFacingException(e.getMessage(), "Choose another folder or file name.", e);
        }
    }

    @Override
    public TrainedModel loadModel(Path file) throws IOException {
        try {
            return ModelFile.load(file);
        } catch (ModelFileException e) {
            throw new UserFacingException(e.getMessage(), "Choose a model saved by Tastemap (File > Save model…), or train a new one.", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserFacingException("The model file " + file + " no longer exists.", "Open another model or train a new one.", e);
        }
    }

    @Override
    public List<Path> exportFactors(TrainedModel model, Path dir, BooleanSupplier cancelled) throws IOException {
        FactorExport.exportAll(model, dir, FileProgress.NONE, cancelled);
        List<Path> out = new ArrayList<>();
        for (String name : List.of(FactorExport.USER_IDS_TXT, FactorExport.ARTIST_NAMES_TXT, FactorExport.USER_FACTORS_NPY,
                FactorExport.ITEM_FACTORS_NPY, FactorExport.USER_FACTORS_TSV, FactorExport.ITEM_FACTORS_TSV)) {
            out.add(dir.resolve(name));
        }
        return out;
    }

    @Override
    public void writeRecommendations(Path file, TrainedModel model, Map<Integer, List<ScoredItem>> byUser) throws IOException {
        Map<String, List<RecommendationCsv.ScoredArtist>> out = new LinkedHashMap<>();
        byUser.forEach((u, items) -> {
            List<RecommendationCsv.ScoredArtist> rows = new ArrayList<>(items.size());
            for (ScoredItem s : items) {
                rows.add(new RecommendationCsv.ScoredArtist(model.dataset().artistName(s.index()), s.score()));
            }
            out.put(model.dataset().users().id(u), rows);
        });
        RecommendationCsv.write(file, out);
    }
}
