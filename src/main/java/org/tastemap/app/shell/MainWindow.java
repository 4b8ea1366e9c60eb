package org.tastemap.app.shell;

import java.io.File;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tastemap.app.Icons;
import org.tastemap.app.Theme;
import org.tastemap.app.artists.ArtistsView;
import org.tastemap.app.artists.ArtistsViewModel;
import org.tastemap.app.data.DataView;
import org.tastemap.app.data.DataViewModel;
import org.tastemap.app.data.wizard.ImportWizard;
import org.tastemap.app.map.MapLayouts;
import org.tastemap.app.map.MapView;
import org.tastemap.app.map.MapViewModel;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.DataFiles;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.train.TrainView;
import org.tastemap.app.train.TuneOfferBar;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.app.users.TasteBuilderViewModel;
import org.tastemap.app.users.UsersView;
import org.tastemap.app.users.UsersViewModel;

/** The main window: menus, the five screens as tabs, the status bar and the "What to try" card. */
public final class MainWindow {
    private final Stage stage;
    private final AppState state = new AppState();
    private final TabPane tabs = new TabPane();
    private final VBox center;
    private final WhatToTryPanel whatToTry;
    private final javafx.beans.property.BooleanProperty whatToTryWanted = new javafx.beans.property.SimpleBooleanProperty(true);
    private final MainViewModel main;
    private final TrainViewModel train;
    private final ArtistsViewModel artists;
    private final UsersViewModel users;
    private final TasteBuilderViewModel taste;
    private final MapViewModel map;
    private final MapView mapView;
    private final UsersView usersView;
    private final ArtistsView artistsView;
    private final TrainView trainView;
    private final BackgroundExecutor executor;
    private final DataFiles files;
    private final AppPrefs prefs;
    private final ErrorReporter errors;

    public MainWindow(Stage stage, BackgroundExecutor executor, Debouncer debouncer, DataFiles files, AppPrefs prefs) {
        this.stage = stage;
        this.executor = executor;
        this.files = files;
        this.prefs = prefs;
        errors = new FxErrorReporter(stage);
        train = new TrainViewModel(state, executor, debouncer, errors);
        main = new MainViewModel(state, executor, files, prefs, errors, train);
        artists = new ArtistsViewModel(state, executor, errors);
        users = new UsersViewModel(state, executor, errors);
        taste = new TasteBuilderViewModel(state, executor, errors);
        DataViewModel data = new DataViewModel(state, executor, errors);
        map = new MapViewModel(state, executor, errors, MapLayouts.standard(prefs.sessionDir()));

        trainView = new TrainView(train);
        usersView = new UsersView(users, taste);
        artistsView = new ArtistsView(artists);
        DataView dataView = new DataView(data, () -> openWizard(null));
        // a bar of "Top artists" opens its artist
        dataView.setOnOpenArtist(i -> {
            artists.open(i);
            show(Screen.ARTISTS);
        });
        mapView = new MapView(map, MapView.Sources.of(map, users, taste), executor, errors);
        tabs.getTabs().addAll(tab("Data", Icons.DATA, dataView),
                tab("Train", Icons.TRAIN, trainView), tab("Artists", Icons.ARTIST, artistsView),
                tab("Users", Icons.USER, usersView), tab("Map", Icons.MAP, mapView));
        map.visibleProperty().bind(tabs.getSelectionModel().selectedIndexProperty().isEqualTo(Screen.MAP.ordinal()));
        map.setOnOpenArtist(a -> {
            artists.open(a);
            show(Screen.ARTISTS);
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a screen opened (Shortcut+1..5, a click, a link) takes the keyboard in its first field
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> Platform.runLater(() -> focusFirstField()));
        tabs.getStyleClass().add("main-tabs");
        artists.setOnOpenUser(u -> {
            users.open(u);
            usersView.showListener();
            show(Screen.USERS);
        });

        whatToTry = new WhatToTryPanel(() -> show(Screen.ARTISTS), () -> {
            users.openRandom();
            usersView.showListener();
            show(Screen.USERS);
        }, () -> show(Screen.TRAIN), () -> setWhatToTryVisible(false));
        // docked above the screens, not floating over them: it covers no table, chart or button
        // after an import: "Tune for this data" opens Train ▸ Tune and starts a tune
        TuneOfferBar tuneOffer = new TuneOfferBar(train.tune(), () -> {
            show(Screen.TRAIN);
            trainView.showTune();
            train.tune().start();
        });
        center = new VBox(whatToTry, tuneOffer, tabs);
        // the offer takes the hints' line while it stands, so the screens keep their height
        var showCard = whatToTryWanted.and(train.tune().offeredProperty().not());
        whatToTry.visibleProperty().bind(showCard);
        whatToTry.managedProperty().bind(showCard);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        setWhatToTryVisible(!prefs.getBoolean("whatToTryDismissed", false));

        BorderPane root = new BorderPane(center);
        root.setTop(menus());
        root.setBottom(new StatusBar(main));
        root.getStyleClass().add("app-root");
        Scene scene = new Scene(root);
        Theme.apply(scene.getStylesheets());
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.setOnDragDropped(e -> {
            var list = e.getDragboard().getFiles();
            e.setDropCompleted(!list.isEmpty());
            if (!list.isEmpty()) {
                Path p = list.get(0).toPath();
                Platform.runLater(() -> openWizard(p));
            }
        });
        stage.setScene(scene);
        stage.setTitle("Tastemap");
        // closing the window quits through the session: it may ask, and it closes once the session is written
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        // every screen is laid out to be usable from this size up (SmallWindowFlowTest)
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        rememberBounds();
        Timeline memory = new Timeline(new KeyFrame(Duration.seconds(1.5), e -> main.updateMemory()));
        memory.setCycleCount(Timeline.INDEFINITE);
        memory.play();
    }

    /** The smallest window every screen is laid out for. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 640;

    /** The five screens, in tab order. */
    public enum Screen { DATA, TRAIN, ARTISTS, USERS, MAP }

    public void show(Screen s) {
        tabs.getSelectionModel().select(s.ordinal());
    }

    /** The control that takes the keyboard when each screen opens. */
    private static final java.util.List<String> FIRST_FIELD = java.util.List.of("#data-import", "#factors", "#artist-search", "#user-search", "#map-search");

    private void focusFirstField() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        Tab t = tabs.getSelectionModel().getSelectedItem();
        javafx.scene.Node n = t == null || i < 0 ? null : t.getContent().lookup(FIRST_FIELD.get(i));
        if (n != null && !n.isDisabled()) {
            n.requestFocus();
        }
    }

    private static Tab tab(String name, String icon, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setGraphic(Icons.of(icon, 16));
        t.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT));
        if (content instanceof javafx.scene.layout.Region r) {
            r.setPadding(new Insets(16));
        }
        return t;
    }

    private void setWhatToTryVisible(boolean v) {
        whatToTryWanted.set(v);
        prefs.put("whatToTryDismissed", Boolean.toString(!v));
    }

    private MenuBar menus() {
        MenuItem importItem = item("_Import…", "Shortcut+I", () -> openWizard(null));
        MenuItem openModel = item("_Open model…", "Shortcut+O", () -> beforeReplacing(() -> {
            File f = fileChooser("Open a model", false, "model.tastemap");
            if (f != null) {
                main.openModel(f.toPath(), f.toString());
            }
        }));
        MenuItem saveModel = item("_Save model…", "Shortcut+S", () -> {
            File f = fileChooser("Save the model", true, "model.tastemap");
            if (f != null) {
                main.saveModel(f.toPath());
            }
        });
        saveModel.disableProperty().bind(state.modelProperty().isNull());
        MenuItem exportRecs = item("Export _recommendations (CSV)…", null, () -> {
            File f = fileChooser("Export the top 10 for every user", true, "recommendations.csv");
            if (f != null) {
                main.exportRecommendations(f.toPath());
            }
        });
        MenuItem exportFactors = item("Export _factors (TSV)…", null, () -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Export factor tables into a folder");
            File d = dc.showDialog(stage);
            if (d != null) {
                main.exportFactors(d.toPath());
            }
        });
        exportRecs.disableProperty().bind(state.modelProperty().isNull());
        exportFactors.disableProperty().bind(state.modelProperty().isNull());
        Menu recent = new Menu("Re_cent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (String r : main.recent()) {
                String how = main.recentDescription(r);
                MenuItem entry = item(how.isEmpty() ? r : r + "   ·   " + how, null,
                        () -> beforeReplacing(() -> main.openDataFile(Path.of(r))));
                // a path's underscores are text, not mnemonics
                entry.setMnemonicParsing(false);
                recent.getItems().add(entry);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem quit = item("_Quit", "Shortcut+Q", this::quit);
        Menu file = new Menu("File", null, importItem, recent, new SeparatorMenuItem(), openModel, saveModel,
                new SeparatorMenuItem(), exportRecs, exportFactors, new SeparatorMenuItem(), quit);
        // Shortcut+1..5 go to the screens from anywhere, as the tabs are ordered
        Menu view = new Menu("_View");
        for (Screen s : Screen.values()) {
            String name = s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            view.getItems().add(item("_" + name, "Shortcut+" + (s.ordinal() + 1), () -> show(s)));
        }
        // dark mode follows the desktop until chosen here; the choice is remembered
        javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem("_Dark mode");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        String theme = prefs.get("theme", "system");
        Theme.darkProperty().set(theme.equals("dark") || theme.equals("system") && Theme.systemPrefersDark());
        dark.selectedProperty().bindBidirectional(Theme.darkProperty());
        dark.setOnAction(e -> prefs.put("theme", dark.isSelected() ? "dark" : "light"));
        view.getItems().addAll(new SeparatorMenuItem(), dark);
        Menu help = new Menu("_Help", null, item("_What to try", null, () -> {
            train.tune().offeredProperty().set(false);
            setWhatToTryVisible(true);
        }),
                item("_About Tastemap", "F1", () -> AboutDialog.show(stage, main.modelDetailsBinding().get())));
        file.setText("_File");
        return new MenuBar(file, view, help);
    }

    private File fileChooser(String title, boolean save, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        return save ? fc.showSaveDialog(stage) : fc.showOpenDialog(stage);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Opens the import wizard, optionally with a file already chosen; asks first if an unsaved model would be lost. */
    public void openWizard(Path preselected) {
        beforeReplacing(() -> new ImportWizard(stage, files, executor, prefs).show(preselected, main::useImported));
    }

    /** Quits: asks Save / Discard / Cancel when the trained model is not saved, writes the session, closes. */
    public void quit() {
        main.session().quit(this::ask, stage::close);
    }

    private void beforeReplacing(Runnable then) {
        main.session().beforeReplacing(this::ask, () -> {
            File f = fileChooser("Save the model", true, "model.tsm");
            return f == null ? null : f.toPath();
        }, main, then);
    }

    /** The Save / Discard / Cancel dialog (Escape cancels, Enter saves). */
    private SessionKeeper.Answer ask(String title, String text) {
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard", javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.ButtonType cancel = javafx.scene.control.ButtonType.CANCEL;
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, text, save, discard, cancel);
        a.initOwner(stage);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().getStylesheets().add(Theme.stylesheet());
        a.getDialogPane().setId("save-question");
        a.getDialogPane().lookupButton(save).setId("answer-save");
        a.getDialogPane().lookupButton(discard).setId("answer-discard");
        a.getDialogPane().lookupButton(cancel).setId("answer-cancel");
        var picked = a.showAndWait().orElse(cancel);
        return picked == save ? SessionKeeper.Answer.SAVE : picked == discard ? SessionKeeper.Answer.DISCARD : SessionKeeper.Answer.CANCEL;
    }

    private void rememberBounds() {
        // the saved values are the window's (with decorations), so they are applied to the stage, not the scene
        Rectangle2D bounds = WindowBounds.initial(prefs.getDouble("window.x", Double.NaN), prefs.getDouble("window.y", Double.NaN),
                prefs.getDouble("window.w", Double.NaN), prefs.getDouble("window.h", Double.NaN),
                javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.xProperty().addListener((o, a, b) -> prefs.put("window.x", b.toString()));
        stage.yProperty().addListener((o, a, b) -> prefs.put("window.y", b.toString()));
        stage.widthProperty().addListener((o, a, b) -> prefs.put("window.w", b.toString()));
        stage.heightProperty().addListener((o, a, b) -> prefs.put("window.h", b.toString()));
    }

    /** The error dialog of this window. */
    public ErrorReporter errors() {
        return errors;
    }

    public MainViewModel main() {
        return main;
    }

    public AppState state() {
        return state;
    }

    public TrainViewModel train() {
        return train;
    }

    public ArtistsViewModel artists() {
        return artists;
    }

    public UsersViewModel users() {
        return users;
    }

    public TasteBuilderViewModel taste() {
        return taste;
    }

    public TrainView trainView() {
        return trainView;
    }

    public MapViewModel map() {
        return map;
    }

    public MapView mapView() {
        return mapView;
    }

    public ArtistsView artistsView() {
        return artistsView;
    }

    public UsersView usersView() {
        return usersView;
    }
}
