package dev.lectern.ui.shell;

import dev.lectern.ui.DialogService;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.Drill;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.DrillViewModel;
import dev.lectern.ui.transfer.FolderSync;
import dev.lectern.ui.editor.AuthoringViewModel;
import dev.lectern.ui.editor.Editor;
import dev.lectern.ui.editor.EditorView;
import dev.lectern.ui.reading.ReadingView;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The main window's content: menus, the library (left), the reading or a drill (middle), question sets and problems
 * (right), and a status line. Layout and bindings only; the state is {@link MainViewModel}'s and
 * {@link DrillViewModel}'s. The parts are {@link ShellMenus}, {@link LibraryPane}, {@link SidePane} and
 * {@link StatusBar}; {@link ModeViews} makes the view of a drill or an editor.
 */
public final class MainView extends BorderPane {

    public static final String ID_SEARCH = "searchField";
    public static final String ID_LIBRARY = "library";
    public static final String ID_RESULTS = "searchResults";
    public static final String ID_PROBLEMS = "problems";
    public static final String ID_QUESTION_SETS = "questionSets";
    public static final String ID_TAG_FILTER = "tagFilter";
    public static final String ID_STATUS = "status";
    public static final String ID_DRILL = "drill";
    public static final String ID_DRILL_TITLE = "drillTitle";
    public static final String ID_DRILL_PROGRESS = "drillProgress";
    public static final String ID_DRILL_NOTE = "drillNote";
    public static final String ID_CLOSE_DRILL = "closeDrill";
    public static final String ID_DUE = "dueCount";
    public static final String ID_SYNC = "syncStatus";
    public static final String ID_EDITOR = "editor";
    public static final String ID_EDITOR_TITLE = "editorTitle";
    /** The progress bar of a PDF import, in the status line. */
    public static final String ID_DECK_PROGRESS = "deckProgress";
    /** The banner shown while reviews wait to be saved. */
    public static final String ID_SAVE_BANNER = "saveBanner";

    private final MainViewModel model;
    private final DrillViewModel drill;
    private final AuthoringViewModel authoring;
    private final DialogService dialogs;
    private final ModeViews modeViews;
    private final Runnable quit;
    private final ReadingView readingView;
    private final SplitPane split = new SplitPane();
    /** Where the library and the side panes go once the first reading is on screen. */
    private final StackPane libraryHolder = new StackPane();
    private final StackPane sideHolder = new StackPane();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    // Made once the first reading is shown (see complete()).
    private LibraryPane library;
    private SidePane side;
    private final StackPane drillArea = new StackPane();
    private final Label drillTitle = new Label();
    private final Label drillProgress = new Label();
    private DrillView drillView;
    private final StackPane editorArea = new StackPane();
    private final Label editorTitle = new Label();
    private EditorView editorView;

    /**
     * Lays out the window with the reading in its place and room for the rest; the menus, the library, the
     * side panes and the status line follow as soon as the first reading is on screen, so that the reading gets
     * there sooner (styling and laying out those controls is much of the cost of showing the window).
     */
    /** File > Sync Folder… and the sync's line in the status bar; none unless {@link #offerSync} is called. */
    private FolderSync folderSync;

    /** Offers syncing progress through a folder (call before the window is complete: it builds the menus then). */
    public void offerSync(FolderSync sync) {
        this.folderSync = sync;
    }

    public MainView(MainViewModel model, DrillViewModel drill, AuthoringViewModel authoring, DialogService dialogs,
            Consumer<String> openLink, Runnable quit) {
        this.model = model;
        this.drill = drill;
        this.authoring = authoring;
        this.dialogs = dialogs;
        this.quit = quit;
        this.modeViews = new ModeViews(openLink, drill::closeDrill);
        this.readingView = new ReadingView(openLink);
        drill.courseProperty().bind(model.courseProperty());
        drill.themeProperty().bind(model.themeProperty());
        libraryHolder.setMinWidth(LibraryPane.MIN_WIDTH);
        sideHolder.setMinWidth(SidePane.MIN_WIDTH);
        split.getItems().addAll(libraryHolder, centrePane(), sideHolder);
        split.setDividerPositions(0.22, 0.76);
        SplitPane.setResizableWithParent(libraryHolder, false);
        // An editor has its own problems list and needs the width: the side panes make way while it is open.
        authoring.activeProperty().addListener((obs, was, editing) -> sideMakesWay(editing));
        setCenter(split);
        bindReading();
        model.waitForFirstReading();
        readingView.renderedCountProperty().addListener((obs, old, count) -> model.readingShown());
        model.whenFirstReadingShown(this::completeAfterNextPulse);
    }

    private double[] dividersWithSide = {0.22, 0.76};

    private void sideMakesWay(boolean editing) {
        if (editing && split.getItems().contains(sideHolder)) {
            dividersWithSide = split.getDividerPositions();
            split.getItems().remove(sideHolder);
        } else if (!editing && !split.getItems().contains(sideHolder)) {
            split.getItems().add(sideHolder);
            split.setDividerPositions(dividersWithSide);
        }
    }

    /** True once the whole window is there: menus, library, side panes and status line. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** Lets the next frame (with the first reading) reach the screen, then adds the rest of the window. */
    private void completeAfterNextPulse() {
        Scene scene = getScene();
        if (scene == null) {
            complete();
            return;
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(MainView.this::complete);
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    private void complete() {
        if (complete.get()) {
            return;
        }
        library = new LibraryPane(model);
        side = new SidePane(model, drill, authoring, dialogs);
        ShellMenus menus = new ShellMenus(model, drill, authoring, dialogs, library, side, readingView, folderSync);
        setTop(menus.menuBar(quit));
        if (getScene() != null) {
            menus.addAccelerators(getScene());
        }
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                menus.addAccelerators(scene);
            }
        });
        // Lists and trees take F2 for editing a cell themselves: the editor's keys are caught before they do.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown() && model.courseProperty().get() != null) {
                if (e.isShiftDown()) {
                    authoring.editReading(model.selectedReadingProperty().get());
                } else {
                    side.editQuestionSet();
                }
                e.consume();
            }
        });
        libraryHolder.getChildren().setAll(library);
        sideHolder.getChildren().setAll(side);
        setBottom(new StatusBar(model, drill, folderSync));
        // Style the new controls now, which makes their skins: from here on the whole window is there to find.
        applyCss();
        complete.set(true);
    }

    public SplitPane split() {
        return split;
    }

    public ReadingView readingView() {
        return readingView;
    }

    /** The search field; null until the window is complete (see {@link #completeProperty}). */
    public TextField searchField() {
        return library == null ? null : library.searchField();
    }

    /** The editor's view on show, if any (tests look into it). */
    public Optional<Node> editorView() {
        return Optional.ofNullable(editorView).map(EditorView::node);
    }

    /** The view of the drill on show, if any (tests look into it). */
    public Optional<Node> drillView() {
        return Optional.ofNullable((Node) drillView);
    }

    // ---- reading, or a drill or an editor in its place ----

    private Node centrePane() {
        Label empty = new Label("Select a reading in the library.");
        empty.getStyleClass().add(Styles.PLACEHOLDER);
        empty.visibleProperty().bind(model.selectedReadingProperty().isNull());
        readingView.visibleProperty().bind(model.selectedReadingProperty().isNotNull());
        StackPane reading = new StackPane(readingView, empty);

        drillTitle.setId(ID_DRILL_TITLE);
        drillProgress.setId(ID_DRILL_PROGRESS);
        drillProgress.getStyleClass().add(Styles.DRILL_PROGRESS);
        Button close = headerButton("Close Drill (Esc)", drill::closeDrill);
        close.setId(ID_CLOSE_DRILL);
        // Statistics opens in the drill's place, but it is no drill
        drill.currentProperty().addListener((obs, old, now) -> close.setText(
                now instanceof dev.lectern.ui.statistics.StatisticsViewModel ? "Close Statistics (Esc)"
                        : "Close Drill (Esc)"));
        BorderPane drillPane = modePane(ID_DRILL, drillArea, drillTitle, drillProgress, close);
        drillPane.visibleProperty().bind(drill.activeProperty().and(authoring.activeProperty().not()));
        reading.visibleProperty().bind(drill.activeProperty().not().and(authoring.activeProperty().not()));
        drill.currentProperty().addListener((obs, old, now) -> showDrill(now));

        editorTitle.setId(ID_EDITOR_TITLE);
        BorderPane editorPane = modePane(ID_EDITOR, editorArea, editorTitle,
                headerButton("Close Editor (Ctrl+W)", authoring::closeEditor));
        editorPane.visibleProperty().bind(authoring.activeProperty());
        authoring.currentProperty().addListener((obs, old, now) -> showEditor(now));
        BorderPane centre = new BorderPane(new StackPane(reading, drillPane, editorPane));
        centre.setTop(saveBanner());
        return centre;
    }

    /** A drill's or an editor's pane: a header with its title (and whatever follows it on the right) over it. */
    private static BorderPane modePane(String id, Node content, Label title, Node... right) {
        title.getStyleClass().add(Styles.DRILL_TITLE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(title.textProperty());
        title.setTooltip(whole);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap);
        header.getChildren().addAll(right);
        // When the pane is narrow the title gives way (with an ellipsis); the progress and the button stay whole.
        for (Node node : right) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        header.getStyleClass().add(Styles.DRILL_HEADER);
        BorderPane pane = new BorderPane(content);
        pane.setId(id);
        pane.setTop(header);
        pane.getStyleClass().add(Styles.DRILL_PANE);
        return pane;
    }

    private static Button headerButton(String text, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(false);
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A banner over the reading or drill, in every mode, while reviews are waiting to be saved. */
    private Node saveBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(drill.saveProblemProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button retry = new Button("Try Again");
        retry.setOnAction(e -> drill.retrySaving());
        HBox banner = new HBox(10, text, retry);
        banner.setId(ID_SAVE_BANNER);
        banner.getStyleClass().add(Styles.SAVE_BANNER);
        banner.visibleProperty().bind(drill.saveProblemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void showDrill(Drill now) {
        if (drillView != null) {
            drillView.dispose();
            drillView = null;
        }
        drillArea.getChildren().clear();
        drillProgress.textProperty().unbind();
        if (now == null) {
            drillTitle.setText("");
            drillProgress.setText("");
            focusLibrary();
            return;
        }
        drillView = modeViews.drillView(now);
        drillTitle.setText(now.title());
        drillProgress.textProperty().bind(now.progressProperty());
        Label note = new Label();
        note.setId(ID_DRILL_NOTE);
        note.getStyleClass().add(Styles.DRILL_HINT);
        note.setWrapText(true);
        note.textProperty().bind(now.noteProperty());
        note.visibleProperty().bind(now.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        BorderPane.setMargin(note, new Insets(8, 16, 0, 16));
        BorderPane holder = new BorderPane((Node) drillView);
        holder.setTop(note);
        drillArea.getChildren().add(holder);
        drillView.focusFirst();
    }

    private void showEditor(Editor now) {
        if (editorView != null) {
            editorView.dispose();
            editorView = null;
        }
        editorArea.getChildren().clear();
        editorTitle.textProperty().unbind();
        if (now == null) {
            editorTitle.setText("");
            focusLibrary();
            return;
        }
        editorTitle.textProperty().bind(now.titleProperty());
        editorView = modeViews.editorView(now);
        editorArea.getChildren().add(editorView.node());
        editorView.focusFirst();
    }

    private void focusLibrary() {
        if (library != null) {
            library.focusLibrary();
        }
    }

    private void bindReading() {
        readingView.webView().zoomProperty().bind(model.zoomProperty());
        model.readingHtmlProperty().addListener((obs, old, html) -> readingView.show(html));
        if (!model.readingHtmlProperty().get().isEmpty()) {
            readingView.show(model.readingHtmlProperty().get());
        }
        model.readingFocusProperty().addListener((obs, old, focus) -> readingView.focus(focus));
        readingView.focus(model.readingFocusProperty().get());
        model.selectedReadingProperty().addListener((obs, old, reading) -> {
            if (library != null) {
                library.selectInTree(reading);
            }
        });
    }
}
