package dev.lectern.ui.drill.review;

import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.AnswerCheck;
import dev.lectern.ui.drill.DrillLayout;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.GradeFeedback;
import dev.lectern.ui.drill.SceneKeys;
import dev.lectern.ui.reading.ReadingView;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Review: the prompt and the answer being typed (Ctrl+Enter checks it, or reveals the reference answer when nothing
 * is typed); then what practice shows of a graded answer (verdict and score, the answer with its evidence
 * highlighted, the key points covered, missed and contradicted, the explanation), the reference answer and four
 * rating buttons, each with the interval it gives, the suggested one the default (Enter). 1-4 rate wherever the
 * focus is, except while typing. Layout and bindings only.
 */
public final class ReviewView extends BorderPane implements DrillView {

    public static final String ID_ANSWER = "reviewAnswer";
    public static final String ID_CHECK = "reviewCheck";
    public static final String ID_REVEAL = "reviewReveal";
    public static final String ID_VERDICT = "reviewVerdict";
    public static final String ID_SCORE = "reviewScore";
    public static final String ID_HIGHLIGHTED = "reviewHighlighted";
    public static final String ID_KEY_POINTS = "reviewKeyPoints";
    public static final String ID_MESSAGE = "reviewMessage";
    public static final String ID_HINT = "reviewHint";
    public static final String ID_REFERENCE = "reviewReference";
    public static final String ID_SUMMARY = "reviewSummary";
    public static final String ID_RATE = "reviewRate";

    private static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final String ID_UNDO = "reviewUndo";

    private final ReviewViewModel model;
    private final TextArea answer = new TextArea();
    private final GradeFeedback grade = new GradeFeedback("review");
    private final ReadingView reference;
    private final Map<FlashcardRating, Button> rateButtons = new EnumMap<>(FlashcardRating.class);
    private final Button back;
    private final SceneKeys keys;

    public ReviewView(ReviewViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        this.model = model;
        this.reference = new ReadingView(openLink);
        setFocusTraversable(true);

        DrillLayout.answer(answer, ID_ANSWER, 5, "Type your answer and press Ctrl+Enter to check it, or leave it"
                + " empty and press Ctrl+Enter to see the reference answer.", model.answerProperty());
        answer.editableProperty().bind(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.ANSWERING));
        Button check = DrillLayout.check(ID_CHECK, model::check,
                model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.ANSWERING));
        Button reveal = new Button("Show _Answer");
        reveal.setId(ID_REVEAL);
        reveal.setOnAction(e -> model.reveal());
        VBox typing = DrillLayout.shownWhen(new VBox(10, answer, new HBox(8, check, reveal, undoButton(ID_UNDO))),
                model.phaseProperty().isEqualTo(ReviewViewModel.Phase.ANSWERING)
                        .or(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.CHECKING)));
        reveal.disableProperty().bind(check.disableProperty());

        Label message = DrillLayout.message(model.messageProperty());
        message.setId(ID_MESSAGE);

        VBox question = DrillLayout.shownWhen(new VBox(10, DrillLayout.prompt(model.itemProperty()), typing, message,
                rating()), model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.DONE)
                .and(model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.NOTHING_DUE)));

        back = DrillLayout.back(closeDrill);
        VBox summary = DrillLayout.done(null, ID_SUMMARY, model.summaryProperty(), back);
        summary.getChildren().add(undoButton(ID_UNDO + "Done"));
        VBox done = DrillLayout.shownWhen(summary, question.visibleProperty().not());

        VBox content = new VBox(14, question, done);
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        model.phaseProperty().addListener((obs, old, phase) -> phaseChanged(phase));
        model.referenceHtmlProperty().addListener((obs, old, html) -> reference.show(html));
        keys = SceneKeys.on(this, this::onKey);
    }

    /** "Undo Last Rating (Ctrl+Z)", shown while there is a rating of this session to take back. */
    private Button undoButton(String id) {
        Button undo = new Button("Undo Last Rating (Ctrl+Z)");
        undo.setId(id);
        undo.setMnemonicParsing(false);
        undo.setOnAction(e -> model.undo());
        undo.visibleProperty().bind(model.undoableProperty());
        undo.managedProperty().bind(undo.visibleProperty());
        return undo;
    }

    /** The graded answer, the reference answer and the four rating buttons, once the answer is checked or revealed. */
    private VBox rating() {
        reference.setId(ID_REFERENCE);
        reference.setPrefHeight(220);

        HBox buttons = new HBox(8);
        for (FlashcardRating r : FlashcardRating.values()) {
            Button b = new Button();
            b.setId(ID_RATE + r.number());
            b.setMnemonicParsing(false);
            b.getStyleClass().add(Styles.RATING_BUTTON);
            b.textProperty().bind(Bindings.createStringBinding(() -> {
                String interval = model.intervalProperty(r).get();
                return r.number() + " · " + r.label() + (interval.isEmpty() ? "" : "\n" + interval);
            }, model.intervalProperty(r)));
            b.defaultButtonProperty().bind(model.suggestedProperty().isEqualTo(r));
            b.setOnAction(e -> model.rate(r));
            rateButtons.put(r, b);
            buttons.getChildren().add(b);
        }
        Label hint = new Label();
        hint.setId(ID_HINT);
        hint.getStyleClass().add(Styles.DRILL_HINT);
        hint.textProperty().bind(Bindings.createStringBinding(() -> AnswerCheck.unsure(model.gradeProperty().get())
                ? "The grader is unsure: compare with the reference and press 1-4."
                : model.suggestedProperty().get() == null ? "How well did you recall it? Press 1-4."
                : "Press 1-4 to rate, or Enter for " + model.suggestedProperty().get().label() + ", as the grade suggests.",
                model.suggestedProperty(), model.gradeProperty()));
        VBox box = DrillLayout.shownWhen(new VBox(10, grade.judgement(), DrillLayout.section("Reference answer"),
                DrillLayout.answerFrame(reference), hint, buttons, grade.details()),
                model.phaseProperty().isEqualTo(ReviewViewModel.Phase.RATING)
                        .or(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.SAVING)));
        buttons.disableProperty().bind(model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.RATING));
        return box;
    }

    private void phaseChanged(ReviewViewModel.Phase phase) {
        if (phase == ReviewViewModel.Phase.ANSWERING) {
            Platform.runLater(answer::requestFocus);
        } else if (phase == ReviewViewModel.Phase.RATING) {
            String given = model.gradedAnswerProperty().get();
            grade.show(model.gradeProperty().get(), given, model.itemProperty().get().question().keyPoints(),
                    given.isBlank() ? "Recall it, then rate yourself." : "Not graded");
            FlashcardRating suggested = model.suggestedProperty().get();
            Platform.runLater(() -> {
                if (suggested != null) {
                    rateButtons.get(suggested).requestFocus();
                } else {
                    requestFocus();
                }
            });
        } else if (phase == ReviewViewModel.Phase.DONE || phase == ReviewViewModel.Phase.NOTHING_DUE) {
            Platform.runLater(back::requestFocus);
        }
    }

    private void onKey(KeyEvent e) {
        Scene scene = keys.scene();
        if (scene == null || !isVisible()) {
            return;
        }
        ReviewViewModel.Phase phase = model.phaseProperty().get();
        boolean typing = scene.getFocusOwner() instanceof TextInputControl input && input.isEditable()
                && !input.getText().isEmpty();
        if (UNDO.match(e) && !typing && model.undoableProperty().get()) {
            model.undo(); // In an answer being typed, Ctrl+Z undoes the typing instead.
            e.consume();
            return;
        }
        if (CHECK.match(e) && phase == ReviewViewModel.Phase.ANSWERING) {
            model.check();
            e.consume();
            return;
        }
        if (phase != ReviewViewModel.Phase.RATING || e.isShortcutDown() || e.isAltDown()
                || scene.getFocusOwner() instanceof TextInputControl input && input.isEditable()) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
            // Enter on a rating button presses it; anywhere else it takes the suggested rating.
            if (scene.getFocusOwner() instanceof Button button && rateButtons.containsValue(button)) {
                button.fire();
            } else {
                model.acceptSuggested();
            }
            e.consume();
            return;
        }
        Optional<FlashcardRating> rating = DrillLayout.rating(e.getCode());
        if (rating.isPresent()) {
            model.rate(rating.get());
            e.consume();
        }
    }

    /** Shows the reference answer (tests read its document). */
    public ReadingView referenceView() {
        return reference;
    }

    @Override
    public void focusFirst() {
        Platform.runLater(() -> Platform.runLater(() -> {
            if (model.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING) {
                answer.requestFocus();
            } else {
                back.requestFocus();
            }
        }));
    }

    @Override
    public void dispose() {
        keys.remove();
        answer.textProperty().unbindBidirectional(model.answerProperty());
    }
}
