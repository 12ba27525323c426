package dev.lectern.ui.drill.flashcards;

import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillLayout;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.SceneKeys;
import dev.lectern.ui.reading.ReadingView;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Flashcards: the prompt; Space reveals the reference answer; 1-4 rate it Again, Hard, Good or Easy. The keys work
 * wherever the focus is, except in a text field. Layout and bindings only.
 */
public final class FlashcardView extends VBox implements DrillView {

    public static final String ID_REVEAL = "flashcardReveal";
    public static final String ID_ANSWER = "flashcardAnswer";
    public static final String ID_SUMMARY = "flashcardSummary";
    public static final String ID_UNDO = "flashcardUndo";
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final FlashcardViewModel model;
    private final ReadingView reference;
    private final SceneKeys keys;

    public FlashcardView(FlashcardViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        super(12);
        this.model = model;
        this.reference = new ReadingView(openLink);
        setPadding(new Insets(16));
        setFocusTraversable(true);

        Label prompt = DrillLayout.shownWhen(DrillLayout.prompt(model.itemProperty()),
                model.phaseProperty().isNotEqualTo(FlashcardViewModel.Phase.DONE));

        Label hint = new Label("Think of the answer, then press Space to reveal it.");
        hint.getStyleClass().add(Styles.DRILL_HINT);
        Button reveal = button("Reveal Answer (Space)", model::reveal);
        reveal.setId(ID_REVEAL);
        VBox thinking = DrillLayout.shownWhen(new VBox(10, hint, reveal),
                model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.THINKING));

        reference.setId(ID_ANSWER);
        StackPane frame = DrillLayout.answerFrame(reference);
        VBox.setVgrow(frame, Priority.ALWAYS);
        HBox rates = new HBox(8);
        for (FlashcardRating r : FlashcardRating.values()) {
            Button rate = button(r.number() + " · " + r.label(), () -> model.rate(r));
            rate.setId("flashcardRate" + r.number());
            rates.getChildren().add(rate);
        }
        Label rateHint = new Label("How well did you recall it? Press 1-4.");
        rateHint.getStyleClass().add(Styles.DRILL_HINT);
        VBox revealed = DrillLayout.shownWhen(new VBox(10, DrillLayout.section("Reference answer"), frame,
                DrillLayout.message(model.messageProperty()), rateHint, rates),
                model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.REVEALED)
                        .or(model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.SAVING)));
        rates.disableProperty().bind(model.phaseProperty().isNotEqualTo(FlashcardViewModel.Phase.REVEALED));
        VBox.setVgrow(revealed, Priority.ALWAYS);

        VBox done = DrillLayout.shownWhen(DrillLayout.done("All cards rated.", ID_SUMMARY, model.summaryProperty(),
                DrillLayout.back(closeDrill)), model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.DONE));

        Button undo = button("Undo Last Rating (Ctrl+Z)", model::undo);
        undo.setId(ID_UNDO);
        undo.visibleProperty().bind(model.undoableProperty()
                .and(model.phaseProperty().isNotEqualTo(FlashcardViewModel.Phase.SAVING)));
        undo.managedProperty().bind(undo.visibleProperty());

        getChildren().addAll(prompt, thinking, revealed, done, undo);
        model.referenceHtmlProperty().addListener((obs, old, html) -> reference.show(html));
        model.phaseProperty().addListener((obs, old, phase) -> focusFirst());
        // On the scene, so Space and 1-4 work wherever the focus is (the library, say), but not in a text field.
        keys = SceneKeys.on(this, this::onKey);
    }

    /** Buttons that do not take the focus, so Space keeps revealing rather than pressing the last button used. */
    private static Button button(String text, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(false);
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private void onKey(KeyEvent e) {
        if (UNDO.match(e) && model.undoableProperty().get() && keys.scene() != null
                && !(keys.scene().getFocusOwner() instanceof TextInputControl)) {
            model.undo();
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || keys.scene() == null
                || keys.scene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE && model.phaseProperty().get() == FlashcardViewModel.Phase.THINKING) {
            model.reveal();
            e.consume();
            return;
        }
        Optional<FlashcardRating> rating = DrillLayout.rating(e.getCode());
        if (rating.isPresent() && model.phaseProperty().get() == FlashcardViewModel.Phase.REVEALED) {
            model.rate(rating.get());
            e.consume();
        }
    }

    @Override
    public void focusFirst() {
        Platform.runLater(this::requestFocus);
    }

    @Override
    public void dispose() {
        keys.remove();
    }
}
