package dev.lectern.ui.drill.flashcards;

import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.reading.ReadingView;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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

    private final FlashcardViewModel model;
    private final ReadingView reference;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private Scene keyScene;

    public FlashcardView(FlashcardViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        super(12);
        this.model = model;
        this.reference = new ReadingView(openLink);
        setPadding(new Insets(16));
        setFocusTraversable(true);

        Label prompt = new Label();
        prompt.getStyleClass().add(Styles.DRILL_PROMPT);
        prompt.setWrapText(true);
        // Wrapped over as many lines as it needs, never cut short when the answer below grows.
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        prompt.textProperty().bind(Bindings.createStringBinding(
                () -> model.itemProperty().get() == null ? "" : model.itemProperty().get().question().prompt(),
                model.itemProperty()));
        prompt.visibleProperty().bind(model.phaseProperty().isNotEqualTo(FlashcardViewModel.Phase.DONE));
        prompt.managedProperty().bind(prompt.visibleProperty());

        Label hint = new Label("Think of the answer, then press Space to reveal it.");
        hint.getStyleClass().add(Styles.DRILL_HINT);
        Button reveal = button("Reveal Answer (Space)", model::reveal);
        reveal.setId(ID_REVEAL);
        VBox thinking = new VBox(10, hint, reveal);
        thinking.visibleProperty().bind(model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.THINKING));
        thinking.managedProperty().bind(thinking.visibleProperty());

        reference.setId(ID_ANSWER);
        reference.setMinHeight(120);
        StackPane frame = new StackPane(reference);
        frame.getStyleClass().add(Styles.DRILL_ANSWER_FRAME);
        VBox.setVgrow(frame, Priority.ALWAYS);
        HBox rates = new HBox(8);
        for (FlashcardRating r : FlashcardRating.values()) {
            Button rate = button(r.number() + " · " + r.label(), () -> model.rate(r));
            rate.setId("flashcardRate" + r.number());
            rates.getChildren().add(rate);
        }
        Label rateHint = new Label("How well did you recall it? Press 1-4.");
        rateHint.getStyleClass().add(Styles.DRILL_HINT);
        Label message = new Label();
        message.getStyleClass().add(Styles.DRILL_MESSAGE);
        message.textProperty().bind(model.messageProperty());
        VBox revealed = new VBox(10, sectionLabel(), frame, message, rateHint, rates);
        VBox.setVgrow(revealed, Priority.ALWAYS);
        revealed.visibleProperty().bind(model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.REVEALED));
        revealed.managedProperty().bind(revealed.visibleProperty());

        Label summary = new Label();
        summary.setId(ID_SUMMARY);
        summary.getStyleClass().add(Styles.DRILL_SUMMARY);
        summary.textProperty().bind(model.summaryProperty());
        Button back = new Button("Back to the _Reading");
        back.setOnAction(e -> closeDrill.run());
        VBox done = new VBox(12, new Label("All cards rated."), summary, back);
        done.visibleProperty().bind(model.phaseProperty().isEqualTo(FlashcardViewModel.Phase.DONE));
        done.managedProperty().bind(done.visibleProperty());

        getChildren().addAll(prompt, thinking, revealed, done);
        model.referenceHtmlProperty().addListener((obs, old, html) -> reference.show(html));
        model.phaseProperty().addListener((obs, old, phase) -> focusFirst());
        // On the scene, so Space and 1-4 work wherever the focus is (the library, say), but not in a text field.
        sceneProperty().addListener((obs, old, scene) -> listenOn(scene));
        listenOn(getScene());
    }

    private static Label sectionLabel() {
        Label label = new Label("Reference answer");
        label.getStyleClass().add(Styles.DRILL_SECTION);
        return label;
    }

    /** Buttons that do not take the focus, so Space keeps revealing rather than pressing the last button used. */
    private static Button button(String text, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(false);
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
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
        if (e.isShortcutDown() || e.isAltDown() || keyScene == null
                || keyScene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE && model.phaseProperty().get() == FlashcardViewModel.Phase.THINKING) {
            model.reveal();
            e.consume();
            return;
        }
        Optional<FlashcardRating> rating = rating(e.getCode());
        if (rating.isPresent() && model.phaseProperty().get() == FlashcardViewModel.Phase.REVEALED) {
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

    @Override
    public void focusFirst() {
        Platform.runLater(this::requestFocus);
    }

    @Override
    public void dispose() {
        listenOn(null);
    }
}
