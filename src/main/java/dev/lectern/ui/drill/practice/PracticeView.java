package dev.lectern.ui.drill.practice;

import dev.lectern.grading.Verdict;
import dev.lectern.ui.drill.AnswerCheck;
import dev.lectern.ui.drill.DrillLayout;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.GradeFeedback;
import dev.lectern.ui.reading.ReadingView;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

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
    private final GradeFeedback grade = new GradeFeedback("practice");
    private final ReadingView reference;
    private final Button accept = new Button("_Accept (Enter)");
    private Button markCorrect;

    public PracticeView(PracticeViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        this.model = model;
        this.reference = new ReadingView(openLink);
        setFitToWidth(true);

        DrillLayout.answer(answer, ID_ANSWER, 6, "Type your answer, then Ctrl+Enter to check it.",
                model.answerProperty());
        answer.editableProperty().bind(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.ANSWERING));

        Button check = DrillLayout.check(ID_CHECK, model::check,
                model.phaseProperty().isNotEqualTo(PracticeViewModel.Phase.ANSWERING));
        Label message = DrillLayout.message(model.messageProperty());
        message.setId(ID_MESSAGE);
        // Once checked, the answer is shown again with its evidence highlighted, so the text area makes way.
        VBox typing = DrillLayout.shownWhen(new VBox(10, answer, check),
                model.phaseProperty().isEqualTo(PracticeViewModel.Phase.ANSWERING)
                        .or(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.CHECKING)));

        VBox question = DrillLayout.shownWhen(new VBox(10, DrillLayout.prompt(model.itemProperty()), typing, message),
                model.phaseProperty().isNotEqualTo(PracticeViewModel.Phase.DONE));

        // While the verdict is saved the feedback stays, its buttons disabled, until the next question shows.
        Node feedback = DrillLayout.shownWhen(feedback(),
                model.phaseProperty().isEqualTo(PracticeViewModel.Phase.FEEDBACK)
                        .or(model.phaseProperty().isEqualTo(PracticeViewModel.Phase.SAVING)));
        feedback.setId(ID_FEEDBACK);

        Button back = DrillLayout.back(closeDrill);
        VBox done = DrillLayout.shownWhen(DrillLayout.done("Practice finished.", ID_SUMMARY, model.summaryProperty(),
                back), model.phaseProperty().isEqualTo(PracticeViewModel.Phase.DONE));

        VBox content = new VBox(14, question, feedback, done);
        content.setPadding(new Insets(16));
        setContent(content);

        model.phaseProperty().addListener((obs, old, phase) -> phaseChanged(phase, back));
        model.referenceHtmlProperty().addListener((obs, old, html) -> reference.show(html));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private VBox feedback() {
        reference.setPrefHeight(220);
        accept.setId(ID_ACCEPT);
        accept.setOnAction(e -> model.accept());
        accept.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.acceptable(),
                model.gradeProperty()));
        Button correct = overrideButton("Mark C_orrect", Verdict.CORRECT);
        markCorrect = correct;
        Button partial = overrideButton("Mark _Partial", Verdict.PARTIAL);
        Button incorrect = overrideButton("Mark _Incorrect", Verdict.INCORRECT);
        HBox settle = new HBox(8, accept, correct, partial, incorrect);
        settle.disableProperty().bind(model.phaseProperty().isNotEqualTo(PracticeViewModel.Phase.FEEDBACK));
        return new VBox(8, grade.judgement(), DrillLayout.section("Reference answer"),
                DrillLayout.answerFrame(reference), settle, grade.details());
    }

    private Button overrideButton(String text, Verdict v) {
        Button button = new Button(text);
        button.setId("practiceMark" + v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT));
        button.setOnAction(e -> model.override(v));
        return button;
    }

    private void phaseChanged(PracticeViewModel.Phase phase, Button back) {
        if (phase == PracticeViewModel.Phase.FEEDBACK) {
            grade.show(model.gradeProperty().get(), model.gradedAnswerProperty().get(),
                    model.itemProperty().get().question().keyPoints(), "Not graded");
            setVvalue(0);
            if (AnswerCheck.unsure(model.gradeProperty().get())) {
                // Unsure: no button has the focus, so Enter settles nothing the student did not choose.
                Platform.runLater(this::requestFocus);
            } else {
                Platform.runLater(() -> (accept.isDisabled() ? markCorrect : accept).requestFocus());
            }
        } else if (phase == PracticeViewModel.Phase.ANSWERING) {
            setVvalue(0);
            Platform.runLater(answer::requestFocus);
        } else if (phase == PracticeViewModel.Phase.DONE) {
            Platform.runLater(back::requestFocus);
        }
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
