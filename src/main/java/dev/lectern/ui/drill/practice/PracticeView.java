package dev.lectern.ui.drill.practice;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Signal;
import dev.lectern.grading.Verdict;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.AnswerHighlights;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.reading.ReadingView;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Practice: the prompt, the answer being typed, and after checking the score and verdict, the answer with the
 * key points' evidence highlighted, the key points covered and missed, the reference answer, the buttons that settle
 * the verdict, and a collapsed "Details" pane with the grader's signals. Layout and bindings only.
 */
public final class PracticeView extends ScrollPane implements DrillView {

    public static final String ID_ANSWER = "practiceAnswer";
    public static final String ID_CHECK = "practiceCheck";
    public static final String ID_MESSAGE = "practiceMessage";
    public static final String ID_FEEDBACK = "practiceFeedback";
    public static final String ID_VERDICT = "practiceVerdict";
    public static final String ID_SCORE = "practiceScore";
    public static final String ID_HIGHLIGHTED = "practiceHighlighted";
    public static final String ID_KEY_POINTS = "practiceKeyPoints";
    public static final String ID_ACCEPT = "practiceAccept";
    public static final String ID_DETAILS = "practiceDetails";
    public static final String ID_SIGNALS = "practiceSignals";
    public static final String ID_SUMMARY = "practiceSummary";

    private static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final PracticeViewModel model;
    private final TextArea answer = new TextArea();
    private final Label verdict = new Label();
    private final Label score = new Label();
    private final Label explanation = new Label();
    private final TextFlow highlighted = new TextFlow();
    private final VBox keyPoints = new VBox(2);
    private final ReadingView reference;
    private final Button accept = new Button("_Accept (Enter)");
    private final GridPane signals = new GridPane();
    private Button markCorrect;

    public PracticeView(PracticeViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        this.model = model;
        this.reference = new ReadingView(openLink);
        setFitToWidth(true);

        Label prompt = new Label();
        prompt.getStyleClass().add(Styles.DRILL_PROMPT);
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        prompt.textProperty().bind(Bindings.createStringBinding(
                () -> model.itemProperty().get() == null ? "" : model.itemProperty().get().question().prompt(),
                model.itemProperty()));

        answer.setId(ID_ANSWER);
        answer.setWrapText(true);
        answer.setPrefRowCount(6);
        answer.setPromptText("Type your answer, then Ctrl+Enter to check it.");
        answer.textProperty().bindBidirectional(model.answerProperty());
        answer.editableProperty().bind(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.ANSWERING));

        Button check = new Button("_Check (Ctrl+Enter)");
        check.setId(ID_CHECK);
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(model.phaseProperty().isNotEqualTo(PracticeViewModel.Phase.ANSWERING));
        Label message = new Label();
        message.setId(ID_MESSAGE);
        message.getStyleClass().add(Styles.DRILL_MESSAGE);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        // Once checked, the answer is shown again with its evidence highlighted, so the text area makes way.
        VBox typing = new VBox(10, answer, check);
        typing.visibleProperty().bind(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.ANSWERING)
                .or(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.CHECKING)));
        typing.managedProperty().bind(typing.visibleProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox question = new VBox(10, prompt, typing, message);
        question.visibleProperty().bind(model.phaseProperty().isNotEqualTo(PracticeViewModel.Phase.DONE));
        question.managedProperty().bind(question.visibleProperty());

        Node feedback = feedback();
        feedback.setId(ID_FEEDBACK);
        feedback.visibleProperty().bind(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.FEEDBACK));
        feedback.managedProperty().bind(feedback.visibleProperty());

        Label summary = new Label();
        summary.setId(ID_SUMMARY);
        summary.getStyleClass().add(Styles.DRILL_SUMMARY);
        summary.textProperty().bind(model.summaryProperty());
        Button back = new Button("Back to the _Reading");
        back.setOnAction(e -> closeDrill.run());
        VBox done = new VBox(12, new Label("Practice finished."), summary, back);
        done.visibleProperty().bind(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.DONE));
        done.managedProperty().bind(done.visibleProperty());

        VBox content = new VBox(14, question, feedback, done);
        content.setPadding(new javafx.geometry.Insets(16));
        setContent(content);

        model.phaseProperty().addListener((obs, old, phase) -> phaseChanged(phase, back));
        model.referenceHtmlProperty().addListener((obs, old, html) -> reference.show(html));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private Node feedback() {
        verdict.setId(ID_VERDICT);
        verdict.getStyleClass().add(Styles.VERDICT);
        score.setId(ID_SCORE);
        score.getStyleClass().add(Styles.SCORE);
        HBox mark = new HBox(16, verdict, score);
        explanation.setWrapText(true);

        highlighted.setId(ID_HIGHLIGHTED);
        keyPoints.setId(ID_KEY_POINTS);

        reference.setPrefHeight(220);
        reference.setMinHeight(120);
        StackPane referenceFrame = new StackPane(reference);
        referenceFrame.getStyleClass().add(Styles.DRILL_ANSWER_FRAME);

        accept.setId(ID_ACCEPT);
        accept.setOnAction(e -> model.accept());
        accept.disableProperty().bind(model.gradeProperty().isNull());
        Button correct = overrideButton("Mark C_orrect", Verdict.CORRECT);
        markCorrect = correct;
        Button partial = overrideButton("Mark _Partial", Verdict.PARTIAL);
        Button incorrect = overrideButton("Mark _Incorrect", Verdict.INCORRECT);
        HBox settle = new HBox(8, accept, correct, partial, incorrect);

        signals.setId(ID_SIGNALS);
        signals.getStyleClass().add(Styles.SIGNAL_TABLE);
        TitledPane details = new TitledPane("Details: the grader's signals", signals);
        details.setId(ID_DETAILS);
        details.setExpanded(false);
        details.setAnimated(false);

        return new VBox(8, mark, explanation, section("Your answer"), highlighted, section("Key points"), keyPoints,
                section("Reference answer"), referenceFrame, settle, details);
    }

    private Button overrideButton(String text, Verdict v) {
        Button button = new Button(text);
        button.setId("practiceMark" + v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT));
        button.setOnAction(e -> model.override(v));
        return button;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DRILL_SECTION);
        return label;
    }

    private void phaseChanged(PracticeViewModel.Phase phase, Button back) {
        if (phase == PracticeViewModel.Phase.FEEDBACK) {
            showGrade(model.gradeProperty().get(), model.gradedAnswerProperty().get());
            setVvalue(0);
            Platform.runLater(() -> (accept.isDisabled() ? markCorrect : accept).requestFocus());
        } else if (phase == PracticeViewModel.Phase.ANSWERING) {
            setVvalue(0);
            Platform.runLater(answer::requestFocus);
        } else if (phase == PracticeViewModel.Phase.DONE) {
            Platform.runLater(back::requestFocus);
        }
    }

    private void showGrade(Grade grade, String given) {
        verdict.getStyleClass().removeAll(Styles.verdict(Verdict.CORRECT), Styles.verdict(Verdict.PARTIAL),
                Styles.verdict(Verdict.INCORRECT));
        highlighted.getChildren().clear();
        keyPoints.getChildren().clear();
        signals.getChildren().clear();
        if (grade == null) {
            verdict.setText("Not graded");
            score.setText("");
            explanation.setText("");
        } else {
            verdict.setText(capitalised(grade.verdict().label()));
            verdict.getStyleClass().add(Styles.verdict(grade.verdict()));
            score.setText("Score " + grade.score() + " / 100");
            explanation.setText(grade.explanation());
        }
        for (AnswerHighlights.Part part : AnswerHighlights.of(given, grade)) {
            Text text = new Text(part.text());
            text.getStyleClass().add(part.highlighted() ? Styles.ANSWER_EVIDENCE : Styles.ANSWER_TEXT);
            highlighted.getChildren().add(text);
        }
        if (given.isBlank()) {
            Text none = new Text("(no answer)");
            none.getStyleClass().add(Styles.ANSWER_TEXT);
            highlighted.getChildren().add(none);
        }
        if (grade == null || grade.keyPoints().isEmpty()) {
            // Nothing was judged point by point: list what a good answer covers, for the student to compare.
            List<KeyPoint> expected = model.itemProperty().get().question().keyPoints();
            if (expected.isEmpty()) {
                keyPoints.getChildren().add(new Label("This question lists no key points."));
            }
            for (KeyPoint k : expected) {
                Label point = new Label("• " + k.text());
                point.setWrapText(true);
                keyPoints.getChildren().add(point);
            }
        } else {
            for (KeyPointResult k : grade.keyPoints()) {
                Label point = new Label((k.covered() ? "✓ " : "✗ ") + k.keyPoint().text()
                        + (k.contradicted() ? " \u2014 contradicted: " + k.reason() : ""));
                point.setWrapText(true);
                point.getStyleClass().add(k.covered() ? Styles.KEY_POINT_COVERED : Styles.KEY_POINT_MISSED);
                point.setTooltip(new Tooltip((k.covered() ? "Covered" : k.contradicted() ? "Contradicted" : "Missed")
                        + String.format(Locale.ROOT,
                        ", similarity %.2f", k.similarity())));
                keyPoints.getChildren().add(point);
            }
        }
        showSignals(grade);
    }

    private void showSignals(Grade grade) {
        if (grade == null || grade.signals().isEmpty()) {
            signals.add(new Label("The grader reported no signals for this answer."), 0, 0);
            return;
        }
        signals.addRow(0, heading("Signal"), heading("Value"), heading("Contribution"), heading("Meaning"));
        int row = 1;
        for (Signal s : grade.signals()) {
            Label name = new Label(s.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(s.description()));
            Label meaning = new Label(s.description());
            meaning.setWrapText(true);
            Label value = new Label(String.format(Locale.ROOT, "%.3f", s.value()));
            value.setMinWidth(Region.USE_PREF_SIZE);
            Label contribution = new Label(String.format(Locale.ROOT, "%+.3f", s.contribution()));
            contribution.setMinWidth(Region.USE_PREF_SIZE);
            signals.addRow(row++, name, value, contribution, meaning);
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.SIGNAL_HEADING);
        return label;
    }

    private void onKey(KeyEvent e) {
        if (CHECK.match(e)) {
            model.check();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
                && model.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK) {
            // Enter on a focused button presses it; anywhere else it accepts the verdict and goes on.
            if (getScene() != null && getScene().getFocusOwner() instanceof Button button && !button.isDisabled()) {
                button.fire();
            } else {
                model.next();
            }
            e.consume();
        }
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Shows the reference answer (tests read its document). */
    public ReadingView referenceView() {
        return reference;
    }

    @Override
    public void focusFirst() {
        // Twice deferred: the drill pane becomes visible in the same pulse the view is added, and a node that is
        // not yet visible refuses focus (starting from a menu accelerator left focus on the reading).
        Platform.runLater(() -> Platform.runLater(answer::requestFocus));
    }

    @Override
    public void dispose() {
        answer.textProperty().unbindBidirectional(model.answerProperty());
    }
}
