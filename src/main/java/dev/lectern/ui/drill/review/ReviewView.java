package dev.lectern.ui.drill.review;

import dev.lectern.grading.Grade;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.reading.ReadingView;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Review: the prompt and the answer being typed (Ctrl+Enter checks it, or
 * reveals the reference answer when nothing is typed); then the verdict, the reference answer and four rating buttons,
 * each with the interval it gives, the suggested one the default (Enter). 1-4 rate wherever the focus is, except while
 * typing. Layout and bindings only.
 */
public final class ReviewView extends BorderPane implements DrillView {

    public static final String ID_ANSWER = "reviewAnswer";
    public static final String ID_CHECK = "reviewCheck";
    public static final String ID_REVEAL = "reviewReveal";
    public static final String ID_VERDICT = "reviewVerdict";
    public static final String ID_REFERENCE = "reviewReference";
    public static final String ID_SUMMARY = "reviewSummary";
    public static final String ID_RATE = "reviewRate";

    private static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ReviewViewModel model;
    private final TextArea answer = new TextArea();
    private final ReadingView reference;
    private final Map<FlashcardRating, Button> rateButtons = new EnumMap<>(FlashcardRating.class);
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final Button back = new Button("Back to the _Reading");
    private Scene keyScene;

    public ReviewView(ReviewViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        this.model = model;
        this.reference = new ReadingView(openLink);
        setFocusTraversable(true);


        Label prompt = new Label();
        prompt.getStyleClass().add(Styles.DRILL_PROMPT);
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        prompt.textProperty().bind(Bindings.createStringBinding(
                () -> model.itemProperty().get() == null ? "" : model.itemProperty().get().question().prompt(),
                model.itemProperty()));

        answer.setId(ID_ANSWER);
        answer.setWrapText(true);
        answer.setPrefRowCount(5);
        answer.setPromptText("Type your answer and press Ctrl+Enter to check it, or leave it empty and press"
                + " Ctrl+Enter to see the reference answer.");
        answer.textProperty().bindBidirectional(model.answerProperty());
        answer.editableProperty().bind(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.ANSWERING));
        Button check = new Button("_Check (Ctrl+Enter)");
        check.setId(ID_CHECK);
        check.setOnAction(e -> model.check());
        Button reveal = new Button("Show _Answer");
        reveal.setId(ID_REVEAL);
        reveal.setOnAction(e -> model.reveal());
        VBox typing = new VBox(10, answer, new HBox(8, check, reveal));
        typing.visibleProperty().bind(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.ANSWERING)
                .or(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.CHECKING)));
        typing.managedProperty().bind(typing.visibleProperty());
        check.disableProperty().bind(model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.ANSWERING));
        reveal.disableProperty().bind(check.disableProperty());

        Label message = new Label();
        message.getStyleClass().add(Styles.DRILL_MESSAGE);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox question = new VBox(10, prompt, typing, message, rating());
        question.visibleProperty().bind(model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.DONE)
                .and(model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.NOTHING_DUE)));
        question.managedProperty().bind(question.visibleProperty());

        Label summary = new Label();
        summary.setId(ID_SUMMARY);
        summary.getStyleClass().add(Styles.DRILL_SUMMARY);
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        back.setOnAction(e -> closeDrill.run());
        VBox done = new VBox(12, summary, back);
        done.visibleProperty().bind(question.visibleProperty().not());
        done.managedProperty().bind(done.visibleProperty());

        VBox content = new VBox(14, question, done);
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        model.phaseProperty().addListener((obs, old, phase) -> phaseChanged(phase));
        model.referenceHtmlProperty().addListener((obs, old, html) -> reference.show(html));
        sceneProperty().addListener((obs, old, scene) -> listenOn(scene));
        listenOn(getScene());
    }

    /** The verdict, the reference answer and the four rating buttons, shown once the answer is checked or revealed. */
    private VBox rating() {
        Label verdict = new Label();
        verdict.setId(ID_VERDICT);
        verdict.getStyleClass().add(Styles.VERDICT);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> describe(model.gradeProperty().get()),
                model.gradeProperty(), model.gradedAnswerProperty()));
        reference.setId(ID_REFERENCE);
        reference.setPrefHeight(220);
        reference.setMinHeight(120);
        StackPane frame = new StackPane(reference);
        frame.getStyleClass().add(Styles.DRILL_ANSWER_FRAME);

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
        hint.getStyleClass().add(Styles.DRILL_HINT);
        hint.textProperty().bind(Bindings.createStringBinding(() -> model.suggestedProperty().get() == null
                ? "How well did you recall it? Press 1-4."
                : "Press 1-4 to rate, or Enter for " + model.suggestedProperty().get().label() + ", as the grade suggests.",
                model.suggestedProperty()));
        Label section = new Label("Reference answer");
        section.getStyleClass().add(Styles.DRILL_SECTION);
        VBox box = new VBox(10, verdict, section, frame, hint, buttons);
        box.visibleProperty().bind(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.RATING)
                .or(model.phaseProperty().isEqualTo(ReviewViewModel.Phase.SAVING)));
        box.managedProperty().bind(box.visibleProperty());
        buttons.disableProperty().bind(model.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.RATING));
        return box;
    }

    private String describe(Grade grade) {
        if (grade != null) {
            String label = grade.verdict().label();
            return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " · score " + grade.score() + " / 100";
        }
        return model.gradedAnswerProperty().get().isBlank() ? "Recall it, then rate yourself." : "Not graded";
    }

    private void phaseChanged(ReviewViewModel.Phase phase) {
        if (phase == ReviewViewModel.Phase.ANSWERING) {
            Platform.runLater(answer::requestFocus);
        } else if (phase == ReviewViewModel.Phase.RATING) {
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

    private void listenOn(Scene scene) {
        if (keyScene != null) {
            keyScene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        keyScene = scene;
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    private void onKey(KeyEvent e) {
        if (keyScene == null || !isVisible()) {
            return;
        }
        ReviewViewModel.Phase phase = model.phaseProperty().get();
        if (CHECK.match(e) && phase == ReviewViewModel.Phase.ANSWERING) {
            model.check();
            e.consume();
            return;
        }
        if (phase != ReviewViewModel.Phase.RATING || e.isShortcutDown() || e.isAltDown()
                || keyScene.getFocusOwner() instanceof TextInputControl input && input.isEditable()) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
            // Enter on a rating button presses it; anywhere else it takes the suggested rating.
            if (keyScene.getFocusOwner() instanceof Button button && rateButtons.containsValue(button)) {
                button.fire();
            } else {
                model.acceptSuggested();
            }
            e.consume();
            return;
        }
        Optional<FlashcardRating> rating = rating(e.getCode());
        if (rating.isPresent()) {
            model.rate(rating.get());
            e.consume();
        }
    }

    private static Optional<FlashcardRating> rating(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char digit = name.charAt(name.length() - 1);
            return Character.isDigit(digit) ? FlashcardRating.ofNumber(digit - '0') : Optional.empty();
        }
        return Optional.empty();
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
        listenOn(null);
        answer.textProperty().unbindBidirectional(model.answerProperty());
    }
}
