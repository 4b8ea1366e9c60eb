package org.tastemap.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import impl.org.controlsfx.skin.AutoCompletePopup;
import impl.org.controlsfx.skin.AutoCompletePopupSkin;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.tastemap.app.WarmTables;
import org.tastemap.app.artists.ArtistRow;
import org.tastemap.app.artists.ArtistsView;
import org.tastemap.app.artists.ArtistsViewModel;
import org.tastemap.app.artists.ListenerRow;
import org.tastemap.app.session.AppState;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.users.ContributionRow;
import org.tastemap.app.users.PlayRow;
import org.tastemap.app.users.TasteBuilderViewModel;
import org.tastemap.app.users.UserRow;
import org.tastemap.app.users.UsersView;
import org.tastemap.app.users.UsersViewModel;

/**
 * Runs the UI's first-use code once while the app is idle, so that it does not run the first time
 * a person types during training. The first rows a table shows, the first suggestion list and the
 * first chart points load and link JavaFX and ControlsFX classes, build CSS caches and run
 * interpreted: 100-250 ms on the FX thread when training keeps both cores busy
 * (docs/performance.md, "The UI thread while training"). This builds throwaway copies of the
 * Artists and Users screens (the app's own views and cell factories, on an empty state), fills
 * their tables with made-up rows, and styles and lays them out off-screen in a scene with the
 * window's style sheets, then does the same for a suggestion list and a line chart, and drops them.
 * That loads the classes and runs the code once. The window's own screens then lay out their empty
 * tables once with made-up rows in one event each ({@link org.tastemap.app.WarmTables}), which fills
 * the window's own style caches and leaves the tables with cells to reuse. Each step is its own FX
 * event, so the window answers between steps; no data or state of the window changes.
 */
public final class UiWarmup {
    /** The throwaway scene's size: the default window's. */
    static final double WIDTH = 1200;
    static final double HEIGHT = 760;
    /** Rows per table: more than a table shows at the default size, so the scroll bar is laid out too. */
    static final int ROWS = WarmTables.ROWS;

    private final List<String> stylesheets;
    private final Executor nextEvent;
    private final List<Runnable> screens;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final List<Node> laidOut = new ArrayList<>();
    private boolean started;

    /**
     * @param stylesheets the window's style sheets, so the warm-up runs the same CSS
     * @param nextEvent   runs a step as its own FX event ({@code Platform::runLater} in the app)
     */
    public UiWarmup(List<String> stylesheets, Executor nextEvent) {
        this(stylesheets, nextEvent, List.of());
    }

    /**
     * @param screens the window's own screens' warm-ups ({@code ArtistsView::warmUp}), each run as its
     *                own event after the throwaway copies: they fill the window's own style caches
     */
    public UiWarmup(List<String> stylesheets, Executor nextEvent, List<Runnable> screens) {
        this.stylesheets = List.copyOf(stylesheets);
        this.nextEvent = nextEvent;
        this.screens = List.copyOf(screens);
    }

    /**
     * Starts the warm-up once the app is idle: when the first model is in place (start-up has loaded
     * the sample or the last session), or {@code fallback} after this call, whichever comes first.
     */
    public void startWhenIdle(AppState state, Duration fallback) {
        if (state.model() != null) {
            start();
            return;
        }
        state.modelProperty().addListener((o, was, now) -> {
            if (now != null) {
                start();
            }
        });
        PauseTransition later = new PauseTransition(fallback);
        later.setOnFinished(e -> start());
        later.play();
    }

    /** Runs the steps, each as its own FX event; a second call does nothing. Call on the FX thread. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        List<Runnable> steps = new ArrayList<>();
        List<Supplier<Node>> throwaway = List.of(UiWarmup::artistsScreen, UiWarmup::usersScreen, UiWarmup::suggestionList,
                UiWarmup::chart);
        for (Supplier<Node> make : throwaway) {
            Node[] n = new Node[1];
            // build, style, lay out: the parts of a first layout, as separate events
            steps.add(() -> {
                n[0] = make.get();
                new Scene(new VBox(n[0]), WIDTH, HEIGHT).getStylesheets().setAll(stylesheets);
            });
            steps.add(() -> n[0].applyCss());
            steps.add(() -> {
                Parent root = n[0].getScene().getRoot();
                root.resize(WIDTH, HEIGHT);
                root.applyCss();
                root.layout();
                laidOut.add(n[0]);
            });
        }
        steps.addAll(screens);
        steps.add(() -> done.set(true));
        runFrom(steps, 0);
    }

    private void runFrom(List<Runnable> steps, int i) {
        if (i < steps.size()) {
            nextEvent.execute(() -> {
                steps.get(i).run();
                runFrom(steps, i + 1);
            });
        }
    }

    /** True once every step ran. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** The throwaway screens that were laid out, in order (for tests). */
    List<Node> laidOut() {
        return List.copyOf(laidOut);
    }

    private static ArtistsView artistsScreen() {
        ArtistsViewModel vm = new ArtistsViewModel(new AppState(), new SameThreadExecutor(), (t, m, h) -> { });
        ArtistsView view = new ArtistsView(vm);
        vm.results().setAll(artistRows("Warm-up artist "));
        vm.similar().setAll(artistRows("Similar warm-up artist "));
        vm.listeners().setAll(rows(i -> new ListenerRow(i, "warmup-listener-" + i, 100 - i)));
        return view;
    }

    private static UsersView usersScreen() {
        AppState state = new AppState();
        UsersViewModel vm = new UsersViewModel(state, new SameThreadExecutor(), (t, m, h) -> { });
        UsersView view = new UsersView(vm, new TasteBuilderViewModel(state, new SameThreadExecutor(), (t, m, h) -> { }));
        vm.history().setAll(rows(i -> new PlayRow(i, "Played warm-up artist " + i, 100 - i)));
        vm.recommendations().setAll(rows(i -> new PlayRow(i, "Recommended warm-up artist " + i, 1.0 - i / 100.0)));
        vm.similarUsers().setAll(rows(i -> new UserRow(i, "warmup-user-" + i, 50 - i, 1.0 - i / 100.0)));
        vm.explanation().setAll(rows(i -> new ContributionRow(i, "Contributing warm-up artist " + i, 10, 0.1, 0.025)));
        return view;
    }

    /** The list of ControlsFX's suggestion popup: its skin (classes loaded on the first popup), with its style sheet. */
    private static Node suggestionList() {
        AutoCompletePopup<ArtistRow> popup = new AutoCompletePopup<>();
        popup.getSuggestions().setAll(artistRows("Suggested warm-up artist "));
        Node list = new AutoCompletePopupSkin<>(popup).getNode();
        if (list instanceof javafx.scene.Parent p) {
            p.getStylesheets().add(AutoCompletionBinding.class.getResource("autocompletion.css").toExternalForm());
        }
        list.getStyleClass().add(AutoCompletePopup.DEFAULT_STYLE_CLASS);
        // the binding's own classes, as a search field creates them
        TextFields.bindAutoCompletion(new javafx.scene.control.TextField(), req -> List.<String>of());
        return list;
    }

    /** A line chart like the Train screen's loss chart: its tick formatter, values from a full-size loss down to 0. */
    private static LineChart<Number, Number> chart() {
        NumberAxis y = new NumberAxis();
        y.setTickLabelFormatter(org.tastemap.app.charts.PlainNumbers.remembered(org.tastemap.app.Format::loss));
        LineChart<Number, Number> c = new LineChart<>(new NumberAxis(), y);
        c.setAnimated(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (int i = 1; i <= 10; i++) {
            s.getData().add(new XYChart.Data<>(i, 4e8 / i));
        }
        s.getData().add(new XYChart.Data<>(11, 0.5));
        c.getData().add(s);
        return c;
    }

    private static List<ArtistRow> artistRows(String prefix) {
        return rows(i -> new ArtistRow(i, prefix + i, 1000 - i, 10_000.0 - i, 1.0 - i / 100.0));
    }

    private static <T> ObservableList<T> rows(java.util.function.IntFunction<T> row) {
        ObservableList<T> out = FXCollections.observableArrayList();
        for (int i = 0; i < ROWS; i++) {
            out.add(row.apply(i));
        }
        return out;
    }
}
