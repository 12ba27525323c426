package dev.lectern.ui.editor.questionset;

import dev.lectern.course.Difficulty;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.edit.QuestionSetDocument.EditableQuestion;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.ui.Styles;
import dev.lectern.ui.editor.EditorPane;
import dev.lectern.ui.editor.EditorViews;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The question-set editor's layout and bindings; the state is {@link QuestionSetEditorViewModel}'s. */
public final class QuestionSetEditorView extends EditorPane<QuestionSetEditorViewModel> {

    static final String ID_QUESTIONS = "editorQuestions";
    static final String ID_QUESTION_ID = "editorQuestionId";
    static final String ID_PROMPT = "editorPrompt";
    static final String ID_REFERENCE = "editorReference";
    static final String ID_ALTERNATIVES = "editorAlternatives";
    static final String ID_KEY_POINTS = "editorKeyPoints";
    static final String ID_TAGS = "editorTags";
    static final String ID_DIFFICULTY = "editorDifficulty";
    static final String ID_SET_TITLE = "editorSetTitle";
    static final String ID_SAMPLE = "editorSampleAnswer";
    static final String ID_KEEP = "editorKeepExample";
    static final String ID_EXAMPLES = "editorExamples";
    static final String ID_TRY = "editorTry";
    static final String ID_TRIAL = "editorTrial";
    static final String ID_ADD = "editorAdd";
    static final String ID_INSERT = "editorInsert";
    static final String ID_PROBLEMS = "editorProblems";

    private final ListView<EditableQuestion> list = new ListView<>();

    public QuestionSetEditorView(QuestionSetEditorViewModel model, Consumer<String> openLink) {
        super(model, openLink, ID_PROBLEMS);

        TextField title = EditorViews.field(ID_SET_TITLE, model.setTitleProperty(), model);
        title.setPromptText("The set's title");
        grow(title);
        setTop(EditorViews.toolbar(new Label("Title"), title,
                EditorViews.historyButtons(model)));

        SplitPane split = new SplitPane(listPane(), formPane());
        split.setDividerPositions(0.3);
        setCenter(split);
    }

    private static void grow(Node node) {
        javafx.scene.layout.HBox.setHgrow(node, Priority.ALWAYS);
    }

    @Override
    public void focusFirst() {
        list.requestFocus();
    }

    private Node listPane() {
        list.setId(ID_QUESTIONS);
        list.setItems(model.questions());
        list.setPlaceholder(new Label("No questions yet: Add makes one."));
        list.setCellFactory(l -> new QuestionCell());
        EditorViews.bindSelection(list, model.selectedIndexProperty(), model::select);
        list.setOnKeyPressed(e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                model.moveUp();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                model.moveDown();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                model.deleteQuestion();
                e.consume();
            } else if (e.getCode() == KeyCode.INSERT) {
                model.insertQuestion();
                e.consume();
            }
        });
        Button add = EditorViews.button("Add", "A new question at the end", model::addQuestion);
        add.setId(ID_ADD);
        Button insert = EditorViews.button("Insert", "Insert key: a new question after this one",
                model::insertQuestion);
        insert.setId(ID_INSERT);
        Button duplicate = EditorViews.button("Duplicate", null, model::duplicateQuestion);
        Button delete = EditorViews.button("Delete", "Delete key; Undo brings it back", model::deleteQuestion);
        Button up = EditorViews.button("↑", "Alt+Up", model::moveUp);
        Button down = EditorViews.button("↓", "Alt+Down", model::moveDown);
        duplicate.disableProperty().bind(model.selectedIndexProperty().lessThan(0));
        delete.disableProperty().bind(model.selectedIndexProperty().lessThan(0));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label heading = new Label("Questions (drag or Alt+↑/↓ to reorder)");
        heading.getStyleClass().add(Styles.PANEL_TITLE);
        return new VBox(4, heading, list, EditorViews.toolbar(add, insert, duplicate, delete, up, down));
    }

    /** A question's id and prompt; drag one onto another to move it there. */
    private final class QuestionCell extends ListCell<EditableQuestion> {
        QuestionCell() {
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                ClipboardContent content = new ClipboardContent();
                content.putString(Integer.toString(getIndex()));
                startDragAndDrop(TransferMode.MOVE).setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() instanceof QuestionCell && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean done = false;
                if (e.getDragboard().hasString()) {
                    int from = Integer.parseInt(e.getDragboard().getString());
                    int to = isEmpty() ? model.questions().size() - 1 : getIndex();
                    model.moveQuestion(from, to);
                    done = true;
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        @Override
        protected void updateItem(EditableQuestion q, boolean empty) {
            super.updateItem(q, empty);
            setText(empty || q == null ? null : QuestionSetEditorViewModel.label(q));
        }
    }

    private Node formPane() {
        GridPane form = new GridPane();
        form.getStyleClass().add(Styles.EDITOR_FORM);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, values);

        TextField id = EditorViews.field(ID_QUESTION_ID, model.idProperty(), model);
        TextArea prompt = EditorViews.area(ID_PROMPT, model.promptProperty(), model, 2, "The question");
        TextArea reference = EditorViews.area(ID_REFERENCE, model.referenceAnswerProperty(), model, 5,
                "The reference answer, in Markdown");
        preview.setPrefHeight(160);
        preview.setMinHeight(100);
        TextArea alternatives = EditorViews.area(ID_ALTERNATIVES, model.alternativeAnswersProperty(), model, 2,
                "Other accepted answers, one per line");
        TextArea keyPoints = EditorViews.area(ID_KEY_POINTS, model.keyPointsProperty(), model, 3,
                "One key point per line; other accepted phrasings after |, e.g. uses GPT-4 | GPT-4 | a text-only GPT");
        TextField tags = EditorViews.field(ID_TAGS, model.tagsProperty(), model);
        tags.setPromptText("Separated by commas");
        ComboBox<Difficulty> difficulty = EditorViews.choice(Difficulty.values(), Difficulty::key, "(not set: medium)",
                model.difficultyProperty());
        difficulty.setId(ID_DIFFICULTY);

        int row = 0;
        form.addRow(row++, EditorViews.label("_Id", id), id);
        form.addRow(row++, EditorViews.label("_Prompt", prompt), prompt);
        form.addRow(row++, EditorViews.label("_Reference answer", reference), reference);
        form.addRow(row++, new Label("Preview"), preview);
        form.addRow(row++, EditorViews.label("_Alternative answers", alternatives), alternatives);
        form.addRow(row++, EditorViews.label("_Key points", keyPoints), keyPoints);
        form.addRow(row++, EditorViews.label("_Tags", tags), tags);
        form.addRow(row++, EditorViews.label("Di_fficulty", difficulty), difficulty);
        form.disableProperty().bind(model.editableProperty().not());

        VBox trial = trialPane();
        VBox content = new VBox(8, form, trial);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** "Try an answer": grade a sample answer against the question as edited. */
    private VBox trialPane() {
        TextArea sample = new TextArea();
        sample.setId(ID_SAMPLE);
        sample.setPrefRowCount(2);
        sample.setWrapText(true);
        sample.setPromptText("Type an answer a student might give; Ctrl+Enter grades it");
        sample.textProperty().bindBidirectional(model.sampleAnswerProperty());
        sample.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.tryAnswer();
                e.consume();
            }
        });
        Button grade = EditorViews.button("Try This Answer", "Ctrl+Enter", model::tryAnswer);
        grade.setId(ID_TRY);
        grade.disableProperty().bind(model.editableProperty().not());
        VBox result = new VBox(2);
        result.setId(ID_TRIAL);
        model.trialProperty().addListener((obs, old, t) -> showTrial(result, t));
        ComboBox<ExampleVerdict> verdict = new ComboBox<>();
        verdict.getItems().setAll(ExampleVerdict.values());
        verdict.valueProperty().bindBidirectional(model.exampleVerdictProperty());
        verdict.setAccessibleText("Verdict of the example");
        Button keep = EditorViews.button("Keep as Example", null, model::keepAsExample);
        keep.setId(ID_KEEP);
        keep.disableProperty().bind(model.editableProperty().not());
        Label heading = new Label("Try an answer");
        heading.getStyleClass().add(Styles.PANEL_TITLE);
        VBox box = new VBox(4, heading, sample, new HBox(8, grade, verdict, keep), result, examplesPane());
        box.getStyleClass().add(Styles.EDITOR_FORM);
        return box;
    }

    /** The question's judged examples (not shown to students), each with a delete button. */
    private VBox examplesPane() {
        ListView<JudgedExample> examples = new ListView<>(model.examples());
        examples.setId(ID_EXAMPLES);
        examples.setPrefHeight(120);
        examples.setPlaceholder(new Label("No judged examples: try an answer, then keep it as an example."));
        examples.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(JudgedExample item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : QuestionSetEditorViewModel.exampleLabel(item));
            }
        });
        Button delete = EditorViews.button("Delete Example", null,
                () -> model.deleteExample(examples.getSelectionModel().getSelectedIndex()));
        delete.disableProperty().bind(examples.getSelectionModel().selectedItemProperty().isNull());
        Label heading = new Label("Judged examples (the grader compares answers with them)");
        return new VBox(4, heading, examples, delete);
    }

    private static void showTrial(VBox result, QuestionSetEditorViewModel.Trial trial) {
        result.getChildren().clear();
        if (trial == null) {
            return;
        }
        Label message = new Label(trial.message());
        message.setWrapText(true);
        result.getChildren().add(message);
        if (trial.grade().isEmpty()) {
            return;
        }
        Grade grade = trial.grade().get();
        message.getStyleClass().addAll(Styles.VERDICT, "verdict-" + grade.verdict().label());
        for (KeyPointResult kp : grade.keyPoints()) {
            Label point = new Label((kp.covered() ? "✓ " : "✗ ") + kp.keyPoint().text());
            point.setWrapText(true);
            point.getStyleClass().add(kp.covered() ? Styles.KEY_POINT_COVERED : Styles.KEY_POINT_MISSED);
            result.getChildren().add(point);
        }
        if (!grade.explanation().isBlank()) {
            Label explanation = new Label(grade.explanation());
            explanation.setWrapText(true);
            explanation.getStyleClass().add(Styles.DETAIL);
            result.getChildren().add(explanation);
        }
    }

    ListView<EditableQuestion> list() {
        return list;
    }

}
