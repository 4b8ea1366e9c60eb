package org.tastemap.app.map;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;
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
import javafx.collections.ObservableList;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Job;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ArtistLabelFile;

/**
 * The Map screen: the layout of the model's most listened artists, computed in the background (a
 * first view at once, then live refinement), kept per model so that reopening is instant, and what
 * is drawn over it: colours and their legend, search matches, the selection and a listener overlay.
 * A new model while the map is on screen is not swapped in unasked: {@link #staleProperty()} offers
 * the update; a new model while it is not on screen is laid out the next time the screen opens.
 */
public final class MapViewModel {
    public enum ColourBy { CLUSTER, POPULARITY, LABELS }

    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final MapLayouts layouts;
    private final MapLayouts.Request request;
    private final ObjectProperty<MapPoints> points = new SimpleObjectProperty<>(this, "points");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty phase = new SimpleStringProperty(this, "phase", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible");
    private final IntegerProperty clusters = new SimpleIntegerProperty(this, "clusters", 0);
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(this, "colourBy", ColourBy.CLUSTER);
    private final MapLabels labels;
    private final MapLegend legend = new MapLegend(this::changed);
    private final IntegerProperty changes = new SimpleIntegerProperty(this, "changes");
    private final RecentMaps cache = new RecentMaps();
    private final MapSelection selection;
    private final MapOverlay overlay;
    private final MapSearch search;
    private SpatialGrid grid;
    private int[] pointOf = new int[0];
    private int[] listeners = new int[0];
    private ModelState laidOut;
    private Job job = Job.DONE;
    private int runId;
    private IntConsumer openArtist = a -> { };

    public MapViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors, MapLayouts layouts) {
        this(state, executor, errors, layouts, MapLayouts.Request.defaults());
    }

    public MapViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors, MapLayouts layouts,
                        MapLayouts.Request request) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
        this.labels = new MapLabels(state, executor, errors);
        this.layouts = layouts;
        this.request = request;
        selection = new MapSelection(this, executor, errors);
        overlay = new MapOverlay(this, state, executor, errors);
        search = new MapSearch(this, state, executor, errors);
        state.modelProperty().addListener((o, a, m) -> modelChanged(m));
        state.dataProperty().addListener((o, a, d) -> dataChanged(d));
        visible.addListener((o, a, v) -> {
            if (v && state.model() != null && (laidOut == null || laidOut.trained() != state.model().trained()) && !stale.get()) {
                update();
            }
        });
        colourBy.addListener((o, a, b) -> regroup());
        labels.property().addListener((o, a, b) -> regroup());
    }

    private void dataChanged(LoadedData d) {
        selection.clear();
        overlay.clear();
        if (colourBy.get() == ColourBy.LABELS) {
            colourBy.set(ColourBy.CLUSTER);
        }
        // generated data carries its planted genres beside it (generate --genres): offer them at once
        labels.dataChanged(d);
    }

    private void modelChanged(ModelState m) {
        if (m != null && laidOut != null && m.trained() == laidOut.trained()) {
            laidOut = m;   // the same factors with new facts (an opened model measured): the map stands
        } else if (m == null) {
            job.cancel();
            laidOut = null;
            stale.set(false);
            show(null);
        } else if (visible.get() && points.get() != null) {
            stale.set(true);   // the analyst is looking: keep the map, offer the update
        } else if (visible.get()) {
            update();
        } else {
            // laid out when the screen next opens; until then nothing of the old model is kept on show
            job.cancel();
            show(null);
        }
    }

    /** Lays out the current model (or shows its kept layout at once). */
    public void update() {
        ModelState m = state.model();
        LoadedData d = state.data();
        stale.set(false);
        job.cancel();
        if (m == null || d == null) {
            return;
        }
        laidOut = m;
        int id = ++runId;
        MapPoints kept = cache.get(m.trained(), clusters.get());
        listeners = m.trained().artistListenerCounts();   // full-data counts, also for sampled histories
        if (kept != null) {
            running.set(false);
            show(kept);
            return;
        }
        TrainedModel trained = m.trained();
        MapLayouts.Request r = new MapLayouts.Request(request.maxArtists(), request.seed(), clusters.get());
        int[] counts = listeners;
        running.set(true);
        progress.set(0);
        phase.set("Starting the layout…");
        long[] lastShown = {0};
        job = executor.submit("Laying out the map", ctx -> {
            MapPoints saved = layouts.saved(trained, r);
            if (saved != null) {
                return saved;
            }
            MapPoints done = layouts.layout(trained, counts, r, (ph, f, snap) -> {
                ctx.progress(f, "Map: " + ph);
                long now = System.nanoTime();
                // at most ten refreshes a second: drawing 20,000 points each time is work for the FX thread
                if (now - lastShown[0] > 100_000_000L || snap != null && snap.finished()) {
                    lastShown[0] = now;
                    ctx.publish(() -> {
                        if (id == runId) {
                            progress.set(f);
                            phase.set(ph);
                            if (snap != null) {
                                show(snap);
                            }
                        }
                    });
                }
            }, ctx::cancelled);
            layouts.save(trained, r, done);
            return done;
        }, done -> {
            if (id == runId) {
                running.set(false);
                phase.set("");
                cache.put(trained, clusters.get(), done);
                show(done);
            }
        }, e -> {
            if (id == runId) {
                running.set(false);
                if (BackgroundExecutor.isCancellation(e)) {
                    phase.set("Layout cancelled: the map shows the last refinement.");
                } else {
                    errors.show("Could not lay out the map", e);
                }
            }
        });
    }

    public void cancel() {
        job.cancel();
    }

    /** k-means again with k clusters on the factors of the mapped artists, in the background. */
    public void recluster(int k) {
        clusters.set(k);
        MapPoints p = points.get();
        ModelState m = state.model();
        if (p == null || m == null || k < 1 || k == p.clusterCount() && p.finished()) {
            return;
        }
        int id = ++runId;
        job.cancel();
        running.set(true);
        phase.set("Clustering into " + k + "…");
        job = executor.submit("Clustering the map", ctx -> layouts.clusters(m.trained(), p.artists(), k, request.seed(), ctx::cancelled),
                c -> {
                    if (id == runId) {
                        running.set(false);
                        phase.set("");
                        MapPoints q = p.withClusters(c, k);
                        cache.put(m.trained(), k, q);
                        show(q);
                    }
                }, e -> {
                    if (id == runId) {
                        running.set(false);
                        phase.set("");
                        if (!BackgroundExecutor.isCancellation(e)) {
                            errors.show("Could not cluster the map", e);
                        }
                    }
                });
    }

    private void show(MapPoints p) {
        points.set(p);
        if (p == null) {
            grid = null;
            pointOf = new int[0];
        } else {
            grid = new SpatialGrid(p.x(), p.y());
            int n = state.data() == null ? 0 : state.data().artists();
            if (pointOf.length != n) {
                pointOf = new int[n];
            }
            java.util.Arrays.fill(pointOf, -1);
            for (int q = 0; q < p.size(); q++) {
                pointOf[p.artists()[q]] = q;
            }
            if (p.finished() && clusters.get() == 0) {
                clusters.set(p.clusterCount());
            }
        }
        regroup();
    }

    /** Loads an artist-to-label file in the background and colours by it. */
    public void loadLabels(Path file) {
        labels.load(file, false, () -> colourBy.set(ColourBy.LABELS));
    }

    private void regroup() {
        legend.regroup(points.get(), colourBy.get(), labels.property().get(), listeners);
    }

    void changed() {
        changes.set(changes.get() + 1);
    }

    /** Whether point p is drawn (its legend group is on). */
    public boolean shown(int p) {
        return legend.shown(p);
    }

    /** The shown point nearest to layout point (x, y) within radius (layout units), or -1. */
    public int pointAt(double x, double y, double radius) {
        return grid == null ? -1 : grid.nearest(x, y, radius, this::shown);
    }

    SpatialGrid grid() {
        return grid;
    }

    /** The point of dataset artist a, or -1 when it is not on the map. */
    public int pointOf(int artist) {
        return artist >= 0 && artist < pointOf.length ? pointOf[artist] : -1;
    }

    /** What the hover card says about point p: name, listeners, cluster (and label when colouring by one). */
    public String describe(int p) {
        MapPoints m = points.get();
        LoadedData d = state.data();
        if (m == null || d == null || p < 0 || p >= m.size()) {
            return "";
        }
        int a = m.artists()[p];
        String text = String.format(Locale.ROOT, "%s%n%,d listeners · cluster %d", d.dataset().artistName(a), listeners[a],
                m.cluster()[p] + 1);
        ArtistLabelFile.Result l = labels.property().get();
        if (l != null && l.labelOf()[a] >= 0) {
            text += " · " + l.labels()[l.labelOf()[a]];
        }
        return text;
    }

    /** Opens point p's artist on the Artists screen. */
    public void open(int p) {
        MapPoints m = points.get();
        if (m != null && p >= 0 && p < m.size()) {
            openArtist.accept(m.artists()[p]);
        }
    }

    public void setOnOpenArtist(IntConsumer c) {
        openArtist = c;
    }

    public int listeners(int artist) {
        return artist < listeners.length ? listeners[artist] : 0;
    }

    public String artistName(int artist) {
        return state.data().dataset().artistName(artist);
    }

    /** The legend name of point p's group. */
    String groupName(int p) {
        return legend.groupName(p);
    }

    public Grouping grouping() {
        return legend.grouping();
    }

    public MapSelection selection() {
        return selection;
    }

    public MapOverlay overlay() {
        return overlay;
    }

    public MapSearch search() {
        return search;
    }

    public ObjectProperty<MapPoints> pointsProperty() {
        return points;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty phaseProperty() {
        return phase;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    /** Set by the window: true while the Map screen is the one shown. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    public IntegerProperty clustersProperty() {
        return clusters;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public ObjectProperty<ArtistLabelFile.Result> labelsProperty() {
        return labels.property();
    }

    public StringProperty noticeProperty() {
        return labels.notice();
    }

    public ObservableList<LegendItem> legend() {
        return legend.items();
    }

    /** Counts every change of what is drawn (points, colours, legend, selection, overlay, matches). */
    public IntegerProperty changesProperty() {
        return changes;
    }
}
