package dev.lectern.ui.shell;

import dev.lectern.course.Problem;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.study.DrillScope;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Messages;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillViewModel;
import dev.lectern.ui.editor.AuthoringViewModel;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The right of the window: the question sets of the reading on show, and the loader's problems with the course. */
final class SidePane extends SplitPane {

    static final double MIN_WIDTH = 200;

    private final MainViewModel model;
    private final DrillViewModel drill;
    private final AuthoringViewModel authoring;
    private final DialogService dialogs;
    private final ListView<QuestionSet> questionSets = new ListView<>();
    private final ListView<Problem> problems = new ListView<>();

    SidePane(MainViewModel model, DrillViewModel drill, AuthoringViewModel authoring, DialogService dialogs) {
        this.model = model;
        this.drill = drill;
        this.authoring = authoring;
        this.dialogs = dialogs;
        getItems().setAll(questionSetsPane(), problemsPane());
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.5);
        setMinWidth(MIN_WIDTH);
    }

    void focusQuestionSets() {
        questionSets.requestFocus();
    }

    void focusProblems() {
        problems.requestFocus();
    }

    /** Opens the selected question set (or the reading's only one) in the editor. */
    void editQuestionSet() {
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

    /** The question set selected, or else all the sets of the reading on show. */
    Optional<DrillScope> setScope() {
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

    private VBox questionSetsPane() {
        questionSets.setId(MainView.ID_QUESTION_SETS);
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
        questionSets.setContextMenu(new ContextMenu(editSet, practise));
        questionSets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(QuestionSet set, boolean empty) {
                super.updateItem(set, empty);
                setText(empty || set == null ? null : set.title() + " — "
                        + Messages.plural(set.questions().size(), "question"));
                setWrapText(true);
                // A preferred width of 0 lets the cell wrap to the list's width instead of scrolling sideways.
                setPrefWidth(0);
            }
        });
        VBox.setVgrow(questionSets, Priority.ALWAYS);
        return new VBox(4, panelTitle("Question sets"), questionSets);
    }

    private VBox problemsPane() {
        problems.setId(MainView.ID_PROBLEMS);
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
        Label detail = new Label();
        detail.getStyleClass().add(Styles.DETAIL);
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            Problem p = model.selectedProblemProperty().get();
            return p == null ? "" : model.describeLocation(p) + ": " + p.message();
        }, model.selectedProblemProperty()));
        Label title = panelTitle("");
        title.textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d)"));
        VBox.setVgrow(problems, Priority.ALWAYS);
        return new VBox(4, title, problems, detail);
    }

    private static Label panelTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.PANEL_TITLE);
        return title;
    }

    private void openProblemReading() {
        Problem p = problems.getSelectionModel().getSelectedItem();
        if (p != null) {
            model.readingOf(p).ifPresent(r -> model.selectReading(r.id()));
        }
    }
}
