package dev.lectern.ui.shell;

import dev.lectern.course.Problem;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.render.Theme;
import dev.lectern.search.SearchHit;
import dev.lectern.search.SearchResults;
import dev.lectern.search.SnippetPart;
import dev.lectern.study.DrillScope;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.Drill;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.DrillViewModel;
import dev.lectern.ui.drill.exam.ExamHistoryView;
import dev.lectern.ui.drill.exam.ExamHistoryViewModel;
import dev.lectern.ui.drill.exam.ExamView;
import dev.lectern.ui.drill.exam.ExamViewModel;
import dev.lectern.ui.drill.flashcards.FlashcardView;
import dev.lectern.ui.drill.flashcards.FlashcardViewModel;
import dev.lectern.ui.drill.practice.PracticeView;
import dev.lectern.ui.drill.practice.PracticeViewModel;
import dev.lectern.ui.drill.review.ReviewView;
import dev.lectern.ui.drill.review.ReviewViewModel;
import dev.lectern.ui.editor.AuthoringViewModel;
import dev.lectern.ui.editor.Editor;
import dev.lectern.ui.editor.EditorViews;
import dev.lectern.ui.editor.questionset.QuestionSetEditorView;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import dev.lectern.ui.editor.reading.ReadingEditorView;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel;
import dev.lectern.ui.library.LibrarySession;
import dev.lectern.ui.library.LibraryWeek;
import dev.lectern.ui.reading.ReadingView;
import dev.lectern.ui.statistics.StatisticsView;
import dev.lectern.ui.statistics.StatisticsViewModel;
import dev.lectern.ui.transfer.CourseExport;
import dev.lectern.ui.transfer.CourseImport;
import dev.lectern.ui.transfer.DeckImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The main window's content: menus, the library (left), the reading or a drill (middle), question sets and problems
 * (right), and a status line. Layout and bindings only; the state is {@link MainViewModel}'s and
 * {@link DrillViewModel}'s.
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
    public static final String ID_CLOSE_DRILL = "closeDrill";
    public static final String ID_DUE = "dueCount";
    public static final String ID_EDITOR = "editor";
    public static final String ID_EDITOR_TITLE = "editorTitle";

    private static final String ALL_TAGS = "All tags";

    private final MainViewModel model;
    private final DrillViewModel drill;
    private final AuthoringViewModel authoring;
    private final DialogService dialogs;
    // The controls of the menus, library and side panes are made with them, once the first reading is shown.
    private TextField searchField;
    private ComboBox<String> tagFilter;
    private TreeView<Object> library;
    private ListView<Object> results;
    private ListView<QuestionSet> questionSets;
    private ListView<Problem> problems;
    private Label problemDetail;
    private final ReadingView readingView;
    private final SplitPane split = new SplitPane();
    private final Menu recentMenu = new Menu("Open _Recent");
    /** Where the library and the side panes go once the first reading is on screen. */
    private final StackPane libraryHolder = new StackPane();
    private final StackPane sideHolder = new StackPane();
    private final Runnable quit;
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final Consumer<String> openLink;
    private final StackPane drillArea = new StackPane();
    private final Label drillTitle = new Label();
    private final Label drillProgress = new Label();
    private DrillView drillView;
    private final StackPane editorArea = new StackPane();
    private final Label editorTitle = new Label();
    private Node editorView;
    /** The progress bar of a PDF import, in the status line. */
    public static final String ID_DECK_PROGRESS = "deckProgress";
    /** The banner shown while reviews wait to be saved. */
    public static final String ID_SAVE_BANNER = "saveBanner";
    private boolean syncingSelection;

    private static final double LIBRARY_MIN_WIDTH = 160;
    private static final double SIDE_MIN_WIDTH = 200;

    /**
     * Lays out the window with the reading in its place and room for the rest; the menus, the library, the
     * side panes and the status line follow as soon as the first reading is on screen, so that the reading gets
     * there sooner (styling and laying out those controls is much of the cost of showing the window).
     */
    public MainView(MainViewModel model, DrillViewModel drill, AuthoringViewModel authoring, DialogService dialogs,
            Consumer<String> openLink, Runnable quit) {
        this.model = model;
        this.drill = drill;
        this.authoring = authoring;
        this.dialogs = dialogs;
        this.openLink = openLink;
        this.quit = quit;
        this.readingView = new ReadingView(openLink);
        drill.courseProperty().bind(model.courseProperty());
        drill.themeProperty().bind(model.themeProperty());
        libraryHolder.setMinWidth(LIBRARY_MIN_WIDTH);
        sideHolder.setMinWidth(SIDE_MIN_WIDTH);
        split.getItems().addAll(libraryHolder, centrePane(), sideHolder);
        split.setDividerPositions(0.22, 0.76);
        SplitPane.setResizableWithParent(libraryHolder, false);
        setCenter(split);
        bindReading();
        model.waitForFirstReading();
        readingView.renderedCountProperty().addListener((obs, old, count) -> model.readingShown());
        model.whenFirstReadingShown(this::completeAfterNextPulse);
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
        searchField = new TextField();
        tagFilter = new ComboBox<>();
        library = new TreeView<>();
        results = new ListView<>();
        questionSets = new ListView<>();
        problems = new ListView<>();
        problemDetail = new Label();
        setTop(menuBar(quit));
        // Lists and trees take F2 for editing a cell themselves: the editor's keys are caught before they do.
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown() && model.courseProperty().get() != null) {
                if (e.isShiftDown()) {
                    authoring.editReading(model.selectedReadingProperty().get());
                } else {
                    editQuestionSet();
                }
                e.consume();
            }
        });
        libraryHolder.getChildren().setAll(libraryPane());
        sideHolder.getChildren().setAll(sidePane());
        setBottom(statusBar());
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
        return searchField;
    }

    // ---- menus ----

    private MenuBar menuBar(Runnable quit) {
        MenuItem open = item("_Open Course…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::chooseCourse);
        MenuItem reload = item("Re_load Course", new KeyCodeCombination(KeyCode.F5), model::reload);
        MenuItem exit = item("_Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit);
        model.recentCourses().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();
        CourseExport exports = model.exports(drill::finishedExams);
        Menu export = new Menu("_Export", null,
                item("Study Sheet of This _Reading (PDF)…", null, exports::readingSheet),
                item("Study Sheet of This _Week (PDF)…", null, exports::weekSheet),
                item("Latest E_xam Report (PDF)…", null, exports::latestExamReport),
                new SeparatorMenuItem(),
                item("Questions of This Reading to _Anki…", null, exports::readingToAnki),
                item("All _Questions to Anki…", null, exports::courseToAnki),
                new SeparatorMenuItem(),
                item("Review _Log (CSV)…", null, drill::exportReviewLog));
        export.disableProperty().bind(model.courseProperty().isNull());
        Menu importMenu = new Menu("_Import");
        for (dev.lectern.interchange.ImportKind kind : dev.lectern.interchange.ImportKind.values()) {
            importMenu.getItems().add(item(CourseImport.label(kind), null, () -> model.imports().start(kind)));
        }
        importMenu.getItems().add(item("PDF _Slide Deck…", null, () -> model.deckImport().start()));
        importMenu.disableProperty().bind(model.courseProperty().isNull());
        MenuItem newCourse = item("_New Course…", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), authoring::newCourse);
        MenuItem save = item("_Save", EditorViews.SAVE, () -> editor().ifPresent(Editor::save));
        save.disableProperty().bind(authoring.activeProperty().not());
        Menu file = new Menu("_File", null, newCourse, open, recentMenu, reload, new SeparatorMenuItem(), save,
                new SeparatorMenuItem(), importMenu, export, new SeparatorMenuItem(), exit);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light");
        RadioMenuItem dark = new RadioMenuItem("_Dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setOnAction(e -> model.themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> model.themeProperty().set(Theme.DARK));
        Runnable syncTheme = () -> themes.selectToggle(model.themeProperty().get() == Theme.DARK ? dark : light);
        model.themeProperty().addListener((obs, o, n) -> syncTheme.run());
        syncTheme.run();
        MenuItem toggle = item("_Toggle Theme",
                new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                model::toggleTheme);
        Menu theme = new Menu("_Theme", null, light, dark, new SeparatorMenuItem(), toggle);
        MenuItem search = item("_Search…", new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        MenuItem zoomIn = item("Zoom _In", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
        MenuItem zoomOut = item("Zoom _Out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), model::zoomOut);
        MenuItem zoomReset = item("_Actual Size", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), model::zoomReset);
        MenuItem goLibrary = item("Go to _Library", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), library::requestFocus);
        MenuItem goReading = item("Go to _Reading", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> readingView.webView().requestFocus());
        MenuItem goSets = item("Go to _Question Sets", new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                questionSets::requestFocus);
        MenuItem goProblems = item("Go to _Problems", new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
                problems::requestFocus);
        MenuItem statistics = item("S_tatistics", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), drill::showStatistics);
        statistics.disableProperty().bind(model.courseProperty().isNull());
        Menu view = new Menu("_View", null, search, statistics, new SeparatorMenuItem(), theme, zoomIn, zoomOut,
                zoomReset, new SeparatorMenuItem(), goLibrary, goReading, goSets, goProblems);

        MenuItem shortcuts = item("_Keyboard Shortcuts", new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
        MenuItem about = item("_About Lectern", null, () -> dialogs.showInformation("About Lectern",
                "Lectern — a study companion for the multimodal foundation models reading course.\n"
                        + "Works offline. Apache License 2.0."));
        Menu help = new Menu("_Help", null, shortcuts, about);
        MenuBar bar = new MenuBar(file, editMenu(), view, drillMenu(), help);
        bar.setUseSystemMenuBar(true);
        // Zoom in also on Ctrl + "+" (keypad or shifted "="), as browsers do.
        if (getScene() != null) {
            addZoomAccelerators(getScene());
        }
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                addZoomAccelerators(scene);
            }
        });
        return bar;
    }

    private Optional<Editor> editor() {
        return Optional.ofNullable(authoring.currentProperty().get());
    }

    private Menu editMenu() {
        MenuItem undo = item("_Undo", EditorViews.UNDO, () -> editor().ifPresent(Editor::undo));
        MenuItem redo = item("_Redo", EditorViews.REDO, () -> editor().ifPresent(Editor::redo));
        Runnable bindUndo = () -> {
            undo.disableProperty().unbind();
            redo.disableProperty().unbind();
            Editor now = authoring.currentProperty().get();
            if (now == null) {
                undo.setDisable(true);
                redo.setDisable(true);
            } else {
                undo.disableProperty().bind(now.canUndoProperty().not());
                redo.disableProperty().bind(now.canRedoProperty().not());
            }
        };
        authoring.currentProperty().addListener((obs, old, now) -> bindUndo.run());
        bindUndo.run();
        MenuItem editSet = item("Edit _Question Set", new KeyCodeCombination(KeyCode.F2), this::editQuestionSet);
        MenuItem editReading = item("Edit Rea_ding", new KeyCodeCombination(KeyCode.F2, KeyCombination.SHIFT_DOWN),
                () -> authoring.editReading(model.selectedReadingProperty().get()));
        editSet.disableProperty().bind(model.courseProperty().isNull());
        editReading.disableProperty().bind(model.selectedReadingProperty().isNull());
        MenuItem close = item("_Close Editor", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                authoring::closeEditor);
        close.disableProperty().bind(authoring.activeProperty().not());
        return new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), editSet, editReading, close);
    }

    /** Opens the selected question set (or the reading's only one) in the editor. */
    private void editQuestionSet() {
        QuestionSet set = questionSets.getSelectionModel().getSelectedItem();
        if (set == null && questionSets.getItems().size() == 1) {
            set = questionSets.getItems().get(0);
        }
        if (set == null) {
            dialogs.showInformation("No question set", "Select one of the reading's question sets on the right first.");
            return;
        }
        authoring.editQuestionSet(set);
    }

    private Menu drillMenu() {
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier shift = KeyCombination.SHIFT_DOWN;
        KeyCombination.Modifier alt = KeyCombination.ALT_DOWN;
        MenuItem practiceSet = item("_Practice Question Set", new KeyCodeCombination(KeyCode.P, shortcut),
                () -> setScope().ifPresent(drill::startPractice));
        MenuItem practiceWeek = item("Practice _Week", new KeyCodeCombination(KeyCode.P, shortcut, shift),
                () -> weekScope().ifPresent(drill::startPractice));
        MenuItem practiceCourse = item("Practice Whole _Course", new KeyCodeCombination(KeyCode.P, shortcut, alt),
                () -> drill.startPractice(new DrillScope.WholeCourse()));
        MenuItem cardsSet = item("_Flashcards: Question Set", new KeyCodeCombination(KeyCode.L, shortcut),
                () -> setScope().ifPresent(drill::startFlashcards));
        MenuItem cardsWeek = item("Flashcards: W_eek", new KeyCodeCombination(KeyCode.L, shortcut, shift),
                () -> weekScope().ifPresent(drill::startFlashcards));
        MenuItem cardsCourse = item("Flashcards: Whole C_ourse", new KeyCodeCombination(KeyCode.L, shortcut, alt),
                () -> drill.startFlashcards(new DrillScope.WholeCourse()));
        MenuItem examSet = item("E_xam on Question Set…", new KeyCodeCombination(KeyCode.E, shortcut),
                () -> setScope().ifPresent(drill::startExam));
        MenuItem examWeek = item("Exam on Wee_k…", new KeyCodeCombination(KeyCode.E, shortcut, shift),
                () -> weekScope().ifPresent(drill::startExam));
        MenuItem examCourse = item("Exam on W_hole Course…", new KeyCodeCombination(KeyCode.E, shortcut, alt),
                () -> drill.startExam(new DrillScope.WholeCourse()));
        MenuItem pastExams = item("P_ast Exams", null, drill::showPastExams);
        MenuItem reviewCourse = item("_Review Due", new KeyCodeCombination(KeyCode.R, shortcut),
                () -> drill.startReview(new DrillScope.WholeCourse()));
        MenuItem reviewWeek = item("Review Due in Week", new KeyCodeCombination(KeyCode.R, shortcut, shift),
                () -> weekScope().ifPresent(drill::startReview));
        MenuItem reviewReading = item("Review Due in Rea_ding", new KeyCodeCombination(KeyCode.R, shortcut, alt),
                () -> readingScope().ifPresent(drill::startReview));
        MenuItem reviewSettings = item("Review _Settings…", null, drill::editReviewSettings);
        MenuItem statistics = item("Stat_istics", null, drill::showStatistics);
        MenuItem close = item("C_lose Drill", new KeyCodeCombination(KeyCode.ESCAPE), drill::closeDrill);
        close.disableProperty().bind(drill.activeProperty().not());

        for (MenuItem needsCourse : List.of(practiceSet, practiceWeek, practiceCourse, cardsSet, cardsWeek, cardsCourse,
                examSet, examWeek, examCourse, reviewCourse, reviewWeek, reviewReading, statistics)) {
            needsCourse.disableProperty().bind(model.courseProperty().isNull());
        }
        // Name the week the week items are about.
        Runnable weekLabels = () -> {
            Reading reading = model.selectedReadingProperty().get();
            String week = reading == null ? "Week" : "Week " + reading.week();
            practiceWeek.setText("Practice _" + week);
            cardsWeek.setText("Flashcards: " + week.replace("Week", "W_eek"));
            examWeek.setText("Exam on " + week.replace("Week", "Wee_k") + "…");
            reviewWeek.setText("Review Due in " + week);
            reviewReading.setText(reading == null ? "Review Due in Rea_ding"
                    : "Review Due in Rea_ding: " + reading.shortTitle().replace("_", "__"));
        };
        model.selectedReadingProperty().addListener((obs, old, reading) -> weekLabels.run());
        weekLabels.run();
        return new Menu("_Drill", null, reviewCourse, reviewWeek, reviewReading, reviewSettings,
                new SeparatorMenuItem(), practiceSet, practiceWeek, practiceCourse, new SeparatorMenuItem(), cardsSet,
                cardsWeek, cardsCourse, new SeparatorMenuItem(), examSet, examWeek, examCourse,
                new SeparatorMenuItem(), pastExams, statistics, close);
    }

    /** The question set selected on the right, or else all the sets of the reading on show. */
    private Optional<DrillScope> setScope() {
        QuestionSet set = questionSets.getSelectionModel().getSelectedItem();
        if (set != null) {
            return Optional.of(new DrillScope.OfSet(set.id()));
        }
        if (questionSets.getItems().size() == 1) {
            return Optional.of(new DrillScope.OfSet(questionSets.getItems().get(0).id()));
        }
        Reading reading = model.selectedReadingProperty().get();
        if (reading == null) {
            dialogs.showInformation("No question set", "Select a reading, or one of its question sets, first.");
            return Optional.empty();
        }
        return Optional.of(new DrillScope.OfReading(reading.id()));
    }

    private Optional<DrillScope> readingScope() {
        Reading reading = model.selectedReadingProperty().get();
        if (reading == null) {
            dialogs.showInformation("No reading", "Select a reading to review first.");
            return Optional.empty();
        }
        return Optional.of(new DrillScope.OfReading(reading.id()));
    }

    private Optional<DrillScope> weekScope() {
        Reading reading = model.selectedReadingProperty().get();
        if (reading == null) {
            dialogs.showInformation("No week", "Select a reading of the week to drill first.");
            return Optional.empty();
        }
        return Optional.of(new DrillScope.OfWeek(reading.week()));
    }

    private void addZoomAccelerators(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), model::zoomOut);
        scene.getAccelerators().put(EditorViews.REDO_Y, () -> editor().ifPresent(Editor::redo));
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path course : model.recentCourses()) {
            MenuItem item = new MenuItem(course.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openCourse(course, Optional.empty()));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void chooseCourse() {
        Optional<Path> initial = Optional.ofNullable(model.courseProperty().get()).map(c -> c.root().getParent());
        dialogs.chooseDirectory("Open Course Folder", initial).ifPresent(dir -> model.openCourse(dir, Optional.empty()));
    }

    private void showShortcuts() {
        dialogs.showInformation("Keyboard Shortcuts", String.join("\n",
                "Ctrl+K    Search readings and questions (Enter opens, Esc clears)",
                "Ctrl+O    Open a course folder",
                "F5        Reload the course",
                "Ctrl+1-4  Library, Reading, Question sets, Problems",
                "Ctrl+= / Ctrl+- / Ctrl+0   Zoom the reading in, out, back",
                "Ctrl+Shift+T   Toggle light and dark theme",
                "",
                "Ctrl+P / Ctrl+L / Ctrl+E   Practice, flashcards, exam on the question set (Enter on a set practises)",
                "  + Shift: the reading's week; + Alt: the whole course",
                "Practice: Ctrl+Enter checks, Enter accepts the verdict and goes on",
                "Flashcards: Space reveals the answer, 1-4 rate it Again, Hard, Good, Easy",
                "Exam: Ctrl+Enter goes to the next question",
                "Ctrl+R    Review what is due (+ Shift: the reading's week; + Alt: the reading)",
                "Review: Ctrl+Enter checks (or reveals), 1-4 rate, Enter takes the suggested rating",
                "Ctrl+Shift+S   Statistics",
                "",
                "F2 / Shift+F2   Edit the question set / the reading; Ctrl+W closes the editor",
                "Editor: Ctrl+S saves, Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes",
                "Editor list: Alt+Up / Alt+Down move the question, Insert adds, Delete deletes",
                "Ctrl+Shift+N   New course",
                "Esc       Close the drill (an exam in progress is kept)",
                "Ctrl+Q    Quit"));
    }

    private void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    // ---- library ----

    private Node libraryPane() {
        searchField.setId(ID_SEARCH);
        searchField.setPromptText("Search (Ctrl+K)");
        searchField.textProperty().bindBidirectional(model.queryProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openFirstResult();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && results.isVisible()) {
                results.requestFocus();
                selectFirstHit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                library.requestFocus();
                e.consume();
            }
        });

        tagFilter.setId(ID_TAG_FILTER);
        tagFilter.setMaxWidth(Double.MAX_VALUE);
        tagFilter.setTooltip(new Tooltip("Show only readings with this tag"));
        Runnable refreshTags = () -> {
            String current = model.tagFilterProperty().get();
            tagFilter.getItems().setAll(ALL_TAGS);
            tagFilter.getItems().addAll(model.tags());
            tagFilter.getSelectionModel().select(current == null ? ALL_TAGS : current);
        };
        model.tags().addListener((ListChangeListener<String>) c -> refreshTags.run());
        refreshTags.run();
        tagFilter.setOnAction(e -> {
            String chosen = tagFilter.getSelectionModel().getSelectedItem();
            model.tagFilterProperty().set(chosen == null || ALL_TAGS.equals(chosen) ? null : chosen);
        });

        library.setId(ID_LIBRARY);
        library.setShowRoot(false);
        library.setCellFactory(tree -> new LibraryCell());
        model.library().addListener((ListChangeListener<LibraryWeek>) c -> rebuildLibrary());
        if (!model.library().isEmpty()) {
            rebuildLibrary();
        }
        library.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncingSelection && item != null && item.getValue() instanceof Reading reading) {
                model.selectReading(reading.id());
            }
        });

        results.setId(ID_RESULTS);
        results.setCellFactory(list -> new SearchCell());
        results.setPlaceholder(new Label("No matches"));
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openHit(results.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                library.requestFocus();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1) {
                openHit(results.getSelectionModel().getSelectedItem());
            }
        });
        results.visibleProperty().bind(model.queryProperty().isNotEmpty());
        library.visibleProperty().bind(results.visibleProperty().not());
        model.searchResultsProperty().addListener((obs, old, now) -> showResults(now));
        showResults(model.searchResultsProperty().get());

        StackPane lists = new StackPane(library, results);
        VBox.setVgrow(lists, Priority.ALWAYS);
        VBox pane = new VBox(6, searchField, tagFilter, lists);
        pane.getStyleClass().add("library-pane");
        pane.setMinWidth(LIBRARY_MIN_WIDTH);
        return pane;
    }

    private void rebuildLibrary() {
        TreeItem<Object> root = new TreeItem<>("library");
        for (LibraryWeek week : model.library()) {
            TreeItem<Object> weekItem = new TreeItem<>(week);
            weekItem.setExpanded(true);
            for (LibrarySession session : week.sessions()) {
                TreeItem<Object> parent = weekItem;
                if (!session.label().isBlank()) {
                    parent = new TreeItem<>(session);
                    parent.setExpanded(true);
                    weekItem.getChildren().add(parent);
                }
                for (Reading reading : session.readings()) {
                    parent.getChildren().add(new TreeItem<>(reading));
                }
            }
            root.getChildren().add(weekItem);
        }
        syncingSelection = true;
        try {
            library.setRoot(root);
        } finally {
            syncingSelection = false;
        }
        selectInTree(model.selectedReadingProperty().get());
    }

    private void selectInTree(Reading reading) {
        if (reading == null || library == null || library.getRoot() == null) {
            return;
        }
        for (int row = 0; row < library.getExpandedItemCount(); row++) {
            TreeItem<Object> item = library.getTreeItem(row);
            if (item != null && item.getValue() instanceof Reading r && r.id().equals(reading.id())) {
                if (library.getSelectionModel().getSelectedItem() != item) {
                    syncingSelection = true;
                    try {
                        library.getSelectionModel().select(item);
                        library.scrollTo(row);
                    } finally {
                        syncingSelection = false;
                    }
                }
                return;
            }
        }
    }

    private static final class LibraryCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(Styles.LIBRARY_WEEK, Styles.LIBRARY_SESSION);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof LibraryWeek week) {
                setText(week.week().label().equals("Week " + week.week().number()) ? week.week().label()
                        : "Week " + week.week().number() + " · " + week.week().label());
                getStyleClass().add(Styles.LIBRARY_WEEK);
            } else if (item instanceof LibrarySession session) {
                setText(session.label());
                getStyleClass().add(Styles.LIBRARY_SESSION);
            } else if (item instanceof Reading reading) {
                setText(reading.shortTitle());
                setTooltip(new Tooltip(reading.title()));
            } else {
                setText(item.toString());
            }
        }
    }

    // ---- search results ----

    private void showResults(SearchResults found) {
        results.getItems().clear();
        if (found == null) {
            return;
        }
        if (!found.readings().isEmpty()) {
            results.getItems().add("Readings (" + found.readings().size() + ")");
            results.getItems().addAll(found.readings());
        }
        if (!found.questions().isEmpty()) {
            results.getItems().add("Questions (" + found.questions().size() + ")");
            results.getItems().addAll(found.questions());
        }
    }

    private void selectFirstHit() {
        for (int i = 0; i < results.getItems().size(); i++) {
            if (results.getItems().get(i) instanceof SearchHit) {
                results.getSelectionModel().select(i);
                results.getFocusModel().focus(i);
                return;
            }
        }
    }

    private void openFirstResult() {
        Object selected = results.getSelectionModel().getSelectedItem();
        if (selected instanceof SearchHit) {
            openHit(selected);
            return;
        }
        results.getItems().stream().filter(SearchHit.class::isInstance).findFirst().ifPresent(this::openHit);
    }

    private void openHit(Object item) {
        if (item instanceof SearchHit hit) {
            model.open(hit).ifPresent(r -> {
                searchField.clear();
                library.requestFocus();
            });
        }
    }

    private static final class SearchCell extends ListCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(Styles.SEARCH_GROUP);
            setText(null);
            setGraphic(null);
            if (empty || item == null) {
                return;
            }
            if (item instanceof SearchHit hit) {
                Label title = new Label(hit.title());
                title.getStyleClass().add(Styles.SEARCH_TITLE);
                title.setWrapText(true);
                TextFlow snippet = new TextFlow();
                snippet.getStyleClass().add(Styles.SEARCH_SNIPPET);
                for (SnippetPart part : hit.snippet()) {
                    Text text = new Text(part.text());
                    text.getStyleClass().add(part.highlighted() ? Styles.SEARCH_MARK : Styles.SEARCH_SNIPPET);
                    snippet.getChildren().add(text);
                }
                VBox box = new VBox(2, title, snippet);
                // Wrap to the list's width rather than run off to the side.
                if (getListView() != null) {
                    box.prefWidthProperty().bind(getListView().widthProperty().subtract(32));
                    box.maxWidthProperty().bind(box.prefWidthProperty());
                }
                setGraphic(box);
            } else {
                setText(item.toString());
                getStyleClass().add(Styles.SEARCH_GROUP);
            }
        }
    }

    // ---- reading, or a drill in its place ----

    private Node centrePane() {
        Node reading = readingPane();
        drillTitle.setId(ID_DRILL_TITLE);
        drillTitle.getStyleClass().add(Styles.DRILL_TITLE);
        drillProgress.setId(ID_DRILL_PROGRESS);
        drillProgress.getStyleClass().add(Styles.DRILL_PROGRESS);
        Button close = new Button("Close Drill (Esc)");
        close.setId(ID_CLOSE_DRILL);
        close.setMnemonicParsing(false);
        close.setFocusTraversable(false);
        close.setOnAction(e -> drill.closeDrill());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(drillTitle, gap, drillProgress, close);
        header.getStyleClass().add(Styles.DRILL_HEADER);
        BorderPane drillPane = new BorderPane(drillArea);
        drillPane.setId(ID_DRILL);
        drillPane.setTop(header);
        drillPane.getStyleClass().add(Styles.DRILL_PANE);
        drillPane.visibleProperty().bind(drill.activeProperty().and(authoring.activeProperty().not()));
        reading.visibleProperty().bind(drill.activeProperty().not().and(authoring.activeProperty().not()));
        drill.currentProperty().addListener((obs, old, now) -> showDrill(now));

        editorTitle.setId(ID_EDITOR_TITLE);
        editorTitle.getStyleClass().add(Styles.DRILL_TITLE);
        Button closeEditor = new Button("Close Editor (Ctrl+W)");
        closeEditor.setMnemonicParsing(false);
        closeEditor.setFocusTraversable(false);
        closeEditor.setOnAction(e -> authoring.closeEditor());
        Region editorGap = new Region();
        HBox.setHgrow(editorGap, Priority.ALWAYS);
        HBox editorHeader = new HBox(editorTitle, editorGap, closeEditor);
        editorHeader.getStyleClass().add(Styles.DRILL_HEADER);
        BorderPane editorPane = new BorderPane(editorArea);
        editorPane.setId(ID_EDITOR);
        editorPane.setTop(editorHeader);
        editorPane.getStyleClass().add(Styles.DRILL_PANE);
        editorPane.visibleProperty().bind(authoring.activeProperty());
        authoring.currentProperty().addListener((obs, old, now) -> showEditor(now));
        BorderPane centre = new BorderPane(new StackPane(reading, drillPane, editorPane));
        centre.setTop(saveBanner());
        return centre;
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
            if (library != null) {
                library.requestFocus();
            }
            return;
        }
        if (now instanceof PracticeViewModel practice) {
            drillView = new PracticeView(practice, openLink, drill::closeDrill);
        } else if (now instanceof FlashcardViewModel cards) {
            drillView = new FlashcardView(cards, openLink, drill::closeDrill);
        } else if (now instanceof ExamViewModel exam) {
            drillView = new ExamView(exam, openLink, drill::closeDrill);
        } else if (now instanceof ExamHistoryViewModel history) {
            drillView = new ExamHistoryView(history);
        } else if (now instanceof ReviewViewModel review) {
            drillView = new ReviewView(review, openLink, drill::closeDrill);
        } else if (now instanceof StatisticsViewModel stats) {
            drillView = new StatisticsView(stats);
        }
        drillTitle.setText(now.title());
        drillProgress.textProperty().bind(now.progressProperty());
        drillArea.getChildren().add((Node) drillView);
        drillView.focusFirst();
    }

    private void showEditor(Editor now) {
        if (editorView instanceof QuestionSetEditorView v) {
            v.dispose();
        } else if (editorView instanceof ReadingEditorView v) {
            v.dispose();
        }
        editorView = null;
        editorArea.getChildren().clear();
        editorTitle.textProperty().unbind();
        if (now == null) {
            editorTitle.setText("");
            if (library != null) {
                library.requestFocus();
            }
            return;
        }
        editorTitle.textProperty().bind(now.titleProperty());
        if (now instanceof QuestionSetEditorViewModel set) {
            QuestionSetEditorView v = new QuestionSetEditorView(set, openLink);
            editorView = v;
            editorArea.getChildren().add(v);
            v.focusFirst();
        } else if (now instanceof ReadingEditorViewModel reading) {
            ReadingEditorView v = new ReadingEditorView(reading, openLink);
            editorView = v;
            editorArea.getChildren().add(v);
            v.focusFirst();
        }
    }

    /** The editor's view on show, if any (tests look into it). */
    public Optional<Node> editorView() {
        return Optional.ofNullable(editorView);
    }

    /** The view of the drill on show, if any (tests look into it). */
    public Optional<Node> drillView() {
        return Optional.ofNullable((Node) drillView);
    }

    // ---- reading ----

    private Node readingPane() {
        Label empty = new Label("Select a reading in the library.");
        empty.getStyleClass().add(Styles.PLACEHOLDER);
        empty.visibleProperty().bind(model.selectedReadingProperty().isNull());
        StackPane pane = new StackPane(readingView, empty);
        readingView.visibleProperty().bind(model.selectedReadingProperty().isNotNull());
        return pane;
    }

    private void bindReading() {
        readingView.webView().zoomProperty().bind(model.zoomProperty());
        model.readingHtmlProperty().addListener((obs, old, html) -> readingView.show(html));
        if (!model.readingHtmlProperty().get().isEmpty()) {
            readingView.show(model.readingHtmlProperty().get());
        }
        model.selectedReadingProperty().addListener((obs, old, reading) -> selectInTree(reading));
    }

    // ---- question sets and problems ----

    private Node sidePane() {
        questionSets.setId(ID_QUESTION_SETS);
        questionSets.setItems(model.questionSets());
        questionSets.setPlaceholder(new Label("No question sets for this reading."));
        questionSets.setTooltip(new Tooltip("Enter or double-click practises the set; the Drill menu has more"));
        questionSets.setOnKeyPressed(e -> {
            QuestionSet set = questionSets.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && set != null) {
                drill.startPractice(new DrillScope.OfSet(set.id()));
                e.consume();
            }
        });
        questionSets.setOnMouseClicked(e -> {
            QuestionSet set = questionSets.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && set != null) {
                drill.startPractice(new DrillScope.OfSet(set.id()));
            }
        });
        MenuItem editSet = new MenuItem("Edit Question Set (F2)");
        editSet.setOnAction(e -> editQuestionSet());
        MenuItem practise = new MenuItem("Practice");
        practise.setOnAction(e -> setScope().ifPresent(drill::startPractice));
        questionSets.setContextMenu(new javafx.scene.control.ContextMenu(editSet, practise));
        questionSets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(QuestionSet set, boolean empty) {
                super.updateItem(set, empty);
                setText(empty || set == null ? null : set.title() + " — " + set.questions().size() + " questions");
                setWrapText(true);
                // A preferred width of 0 lets the cell wrap to the list's width instead of scrolling sideways.
                setPrefWidth(0);
            }
        });
        Label setsTitle = new Label("Question sets");
        setsTitle.getStyleClass().add(Styles.PANEL_TITLE);
        VBox.setVgrow(questionSets, Priority.ALWAYS);
        VBox sets = new VBox(4, setsTitle, questionSets);

        problems.setId(ID_PROBLEMS);
        problems.setItems(model.problems());
        problems.setPlaceholder(new Label("No problems in this course."));
        problems.setCellFactory(list -> new ProblemCell(model));
        problems.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> model.selectProblem(p));
        problems.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openProblemReading();
            }
        });
        problems.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openProblemReading();
            }
        });
        problemDetail.getStyleClass().add(Styles.DETAIL);
        problemDetail.setWrapText(true);
        problemDetail.textProperty().bind(Bindings.createStringBinding(() -> {
            Problem p = model.selectedProblemProperty().get();
            return p == null ? "" : model.describeLocation(p) + ": " + p.message();
        }, model.selectedProblemProperty()));
        Label problemsTitle = new Label();
        problemsTitle.getStyleClass().add(Styles.PANEL_TITLE);
        problemsTitle.textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d)"));
        VBox.setVgrow(problems, Priority.ALWAYS);
        VBox problemPane = new VBox(4, problemsTitle, problems, problemDetail);

        SplitPane side = new SplitPane(sets, problemPane);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.5);
        side.setMinWidth(SIDE_MIN_WIDTH);
        return side;
    }

    private void openProblemReading() {
        Problem p = problems.getSelectionModel().getSelectedItem();
        if (p != null) {
            model.readingOf(p).ifPresent(r -> model.selectReading(r.id()));
        }
    }

    private static final class ProblemCell extends ListCell<Problem> {
        private final MainViewModel model;

        ProblemCell(MainViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            getStyleClass().removeAll(Styles.PROBLEM_ERROR, Styles.PROBLEM_WARNING);
            if (empty || p == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(p.severity().label() + ": " + p.message());
            setTooltip(new Tooltip(model.describeLocation(p)));
            getStyleClass().add(p.isError() ? Styles.PROBLEM_ERROR : Styles.PROBLEM_WARNING);
        }
    }

    // ---- status ----

    private Node statusBar() {
        Label status = new Label();
        status.setId(ID_STATUS);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Label due = new Label();
        due.setId(ID_DUE);
        due.textProperty().bind(drill.dueSummaryProperty());
        due.setTooltip(new Tooltip("Questions due for review in this course (Drill > Review Due, Ctrl+R)"));
        DeckImport deck = model.deckImport();
        Label deckStatus = new Label();
        deckStatus.textProperty().bind(deck.statusProperty());
        ProgressBar deckProgress = new ProgressBar();
        deckProgress.setId(ID_DECK_PROGRESS);
        deckProgress.setPrefWidth(160);
        deckProgress.progressProperty().bind(deck.progressProperty());
        Button cancelDeck = new Button("Cancel");
        cancelDeck.setOnAction(e -> deck.cancel());
        HBox deckBox = new HBox(6, deckStatus, deckProgress, cancelDeck);
        deckBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        deckBox.visibleProperty().bind(deck.runningProperty());
        deckBox.managedProperty().bind(deck.runningProperty());
        HBox bar = new HBox(8, status, deckBox, due, progress);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

}
