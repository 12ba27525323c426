package dev.lectern.ui.shell;

import dev.lectern.course.Reading;
import dev.lectern.interchange.ImportKind;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillScope;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.drill.DrillViewModel;
import dev.lectern.ui.editor.AuthoringViewModel;
import dev.lectern.ui.editor.Editor;
import dev.lectern.ui.editor.EditorViews;
import dev.lectern.ui.reading.ReadingView;
import dev.lectern.ui.transfer.CourseExport;
import dev.lectern.ui.transfer.CourseImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The menu bar (File, Edit, View, Drill, Help) with its keyboard shortcuts, and the shortcuts no menu shows. */
final class ShellMenus {

    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;
    private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;
    private static final KeyCombination.Modifier ALT = KeyCombination.ALT_DOWN;

    private final MainViewModel model;
    private final DrillViewModel drill;
    private final AuthoringViewModel authoring;
    private final DialogService dialogs;
    private final LibraryPane library;
    private final SidePane side;
    private final ReadingView reading;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final dev.lectern.ui.transfer.FolderSync sync;

    ShellMenus(MainViewModel model, DrillViewModel drill, AuthoringViewModel authoring, DialogService dialogs,
            LibraryPane library, SidePane side, ReadingView reading, dev.lectern.ui.transfer.FolderSync sync) {
        this.sync = sync;
        this.model = model;
        this.drill = drill;
        this.authoring = authoring;
        this.dialogs = dialogs;
        this.library = library;
        this.side = side;
        this.reading = reading;
    }

    MenuBar menuBar(Runnable quit) {
        MenuBar bar = new MenuBar(fileMenu(quit), editMenu(), viewMenu(), drillMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Zoom in also on Ctrl + "+" (keypad or shifted "="), as browsers do; redo also on Ctrl+Y. */
    void addAccelerators(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, SHORTCUT), model::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, SHORTCUT), model::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, SHORTCUT), model::zoomOut);
        scene.getAccelerators().put(EditorViews.REDO_Y, () -> editor().ifPresent(Editor::redo));
    }

    private Menu fileMenu(Runnable quit) {
        MenuItem open = item("_Open Course…", new KeyCodeCombination(KeyCode.O, SHORTCUT), this::chooseCourse);
        MenuItem reload = item("Re_load Course", new KeyCodeCombination(KeyCode.F5), model::reload);
        MenuItem exit = item("_Quit", new KeyCodeCombination(KeyCode.Q, SHORTCUT), quit);
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
        for (ImportKind kind : ImportKind.values()) {
            importMenu.getItems().add(item(CourseImport.label(kind), null, () -> model.imports().start(kind)));
        }
        importMenu.getItems().add(item("PDF _Slide Deck…", null, () -> model.deckImport().start()));
        importMenu.disableProperty().bind(model.courseProperty().isNull());
        MenuItem newCourse = item("_New Course…", new KeyCodeCombination(KeyCode.N, SHORTCUT, SHIFT),
                authoring::newCourse);
        MenuItem save = item("_Save", EditorViews.SAVE, () -> editor().ifPresent(Editor::save));
        save.disableProperty().bind(authoring.activeProperty().not());
        Menu file = new Menu("_File", null, newCourse, open, recentMenu, reload, new SeparatorMenuItem(), save,
                new SeparatorMenuItem(), importMenu, export, new SeparatorMenuItem(), exit);
        if (sync != null) {
            MenuItem syncFolder = item("S_ync Folder…", null, sync::chooseFolder);
            syncFolder.disableProperty().bind(model.courseProperty().isNull());
            file.getItems().add(file.getItems().size() - 2, syncFolder);
        }
        return file;
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
        MenuItem editSet = item("Edit _Question Set", new KeyCodeCombination(KeyCode.F2), side::editQuestionSet);
        MenuItem editReading = item("Edit Rea_ding", new KeyCodeCombination(KeyCode.F2, SHIFT),
                () -> authoring.editReading(model.selectedReadingProperty().get()));
        editSet.disableProperty().bind(model.courseProperty().isNull());
        editReading.disableProperty().bind(model.selectedReadingProperty().isNull());
        MenuItem close = item("_Close Editor", new KeyCodeCombination(KeyCode.W, SHORTCUT), authoring::closeEditor);
        close.disableProperty().bind(authoring.activeProperty().not());
        return new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), editSet, editReading, close);
    }

    private Menu viewMenu() {
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
        MenuItem toggle = item("_Toggle Theme", new KeyCodeCombination(KeyCode.T, SHORTCUT, SHIFT), model::toggleTheme);
        Menu theme = new Menu("_Theme", null, light, dark, new SeparatorMenuItem(), toggle);
        MenuItem search = item("_Search…", new KeyCodeCombination(KeyCode.K, SHORTCUT), library::focusSearch);
        MenuItem zoomIn = item("Zoom _In", new KeyCodeCombination(KeyCode.EQUALS, SHORTCUT), model::zoomIn);
        MenuItem zoomOut = item("Zoom _Out", new KeyCodeCombination(KeyCode.MINUS, SHORTCUT), model::zoomOut);
        MenuItem zoomReset = item("_Actual Size", new KeyCodeCombination(KeyCode.DIGIT0, SHORTCUT), model::zoomReset);
        MenuItem goLibrary = item("Go to _Library", new KeyCodeCombination(KeyCode.DIGIT1, SHORTCUT),
                library::focusLibrary);
        MenuItem goReading = item("Go to _Reading", new KeyCodeCombination(KeyCode.DIGIT2, SHORTCUT),
                () -> reading.webView().requestFocus());
        MenuItem goSets = item("Go to _Question Sets", new KeyCodeCombination(KeyCode.DIGIT3, SHORTCUT),
                side::focusQuestionSets);
        MenuItem goProblems = item("Go to _Problems", new KeyCodeCombination(KeyCode.DIGIT4, SHORTCUT),
                side::focusProblems);
        MenuItem statistics = item("S_tatistics", new KeyCodeCombination(KeyCode.S, SHORTCUT, SHIFT),
                drill::showStatistics);
        statistics.disableProperty().bind(model.courseProperty().isNull());
        return new Menu("_View", null, search, statistics, new SeparatorMenuItem(), theme, zoomIn, zoomOut,
                zoomReset, new SeparatorMenuItem(), goLibrary, goReading, goSets, goProblems);
    }

    private Menu drillMenu() {
        ScopeItems practice = scopeItems(KeyCode.P, drill::startPractice, "_Practice Question Set", "Practice _Week",
                "Practice Whole _Course");
        ScopeItems cards = scopeItems(KeyCode.L, drill::startFlashcards, "_Flashcards: Question Set",
                "Flashcards: W_eek", "Flashcards: Whole C_ourse");
        ScopeItems exam = scopeItems(KeyCode.E, drill::startExam, "E_xam on Question Set…", "Exam on Wee_k…",
                "Exam on W_hole Course…");
        MenuItem pastExams = item("P_ast Exams", null, drill::showPastExams);
        MenuItem reviewCourse = item("_Review Due", new KeyCodeCombination(KeyCode.R, SHORTCUT),
                () -> drill.startReview(new DrillScope.WholeCourse()));
        MenuItem reviewWeek = item("Review Due in Week", new KeyCodeCombination(KeyCode.R, SHORTCUT, SHIFT),
                () -> weekScope().ifPresent(drill::startReview));
        MenuItem reviewReading = item("Review Due in Rea_ding", new KeyCodeCombination(KeyCode.R, SHORTCUT, ALT),
                () -> readingScope().ifPresent(drill::startReview));
        MenuItem reviewSettings = item("Review _Settings…", null, drill::editReviewSettings);
        MenuItem statistics = item("Stat_istics", null, drill::showStatistics);
        MenuItem close = item("C_lose Drill", new KeyCodeCombination(KeyCode.ESCAPE), drill::closeDrill);
        close.disableProperty().bind(drill.activeProperty().not());

        Stream.of(practice.all(), cards.all(), exam.all(), List.of(reviewCourse, reviewWeek, reviewReading, statistics))
                .flatMap(List::stream)
                .forEach(needsCourse -> needsCourse.disableProperty().bind(model.courseProperty().isNull()));
        // Name the week the week items are about.
        Runnable weekLabels = () -> {
            Reading shown = model.selectedReadingProperty().get();
            String week = shown == null ? "Week" : "Week " + shown.week();
            practice.week().setText("Practice _" + week);
            cards.week().setText("Flashcards: " + week.replace("Week", "W_eek"));
            exam.week().setText("Exam on " + week.replace("Week", "Wee_k") + "…");
            reviewWeek.setText("Review Due in " + week);
            reviewReading.setText(shown == null ? "Review Due in Rea_ding"
                    : "Review Due in Rea_ding: " + shown.shortTitle().replace("_", "__"));
        };
        model.selectedReadingProperty().addListener((obs, old, now) -> weekLabels.run());
        weekLabels.run();
        Menu menu = new Menu("_Drill", null, reviewCourse, reviewWeek, reviewReading, reviewSettings);
        for (ScopeItems kind : List.of(practice, cards, exam)) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(kind.all());
        }
        menu.getItems().addAll(new SeparatorMenuItem(), pastExams, statistics, close);
        return menu;
    }

    /** One kind of drill's items: on the selected question set, on the week on show, on the whole course. */
    private record ScopeItems(MenuItem set, MenuItem week, MenuItem course) {
        List<MenuItem> all() {
            return List.of(set, week, course);
        }
    }

    /** The items of one kind of drill, on Ctrl+{@code key}, Ctrl+Shift+{@code key} and Ctrl+Alt+{@code key}. */
    private ScopeItems scopeItems(KeyCode key, Consumer<DrillScope> start, String set, String week, String course) {
        return new ScopeItems(
                item(set, new KeyCodeCombination(key, SHORTCUT), () -> side.setScope().ifPresent(start)),
                item(week, new KeyCodeCombination(key, SHORTCUT, SHIFT), () -> weekScope().ifPresent(start)),
                item(course, new KeyCodeCombination(key, SHORTCUT, ALT),
                        () -> start.accept(new DrillScope.WholeCourse())));
    }

    private Menu helpMenu() {
        MenuItem shortcuts = item("_Keyboard Shortcuts", new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
        MenuItem about = item("_About Lectern", null, () -> dialogs.showInformation("About Lectern",
                "Lectern — a study companion for the multimodal foundation models reading course.\n"
                        + "Works offline. Apache License 2.0."));
        return new Menu("_Help", null, shortcuts, about);
    }

    private Optional<DrillScope> readingScope() {
        return shownScope("No reading", "Select a reading to review first.", r -> new DrillScope.OfReading(r.id()));
    }

    private Optional<DrillScope> weekScope() {
        return shownScope("No week", "Select a reading of the week to drill first.",
                r -> new DrillScope.OfWeek(r.week()));
    }

    /** The scope {@code of} the reading on show; without one, says {@code ask} and gives none. */
    private Optional<DrillScope> shownScope(String title, String ask, Function<Reading, DrillScope> of) {
        Reading shown = model.selectedReadingProperty().get();
        if (shown == null) {
            dialogs.showInformation(title, ask);
            return Optional.empty();
        }
        return Optional.of(of.apply(shown));
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
}
