package dev.lectern.ui.drill;

import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.study.DrillItem;
import dev.lectern.ui.Styles;
import dev.lectern.ui.reading.ReadingView;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The pieces the drill views lay out alike: the prompt, the line for the student, sections, the answer frame. */
public final class DrillLayout {

    private DrillLayout() {
    }

    /** Sets up the text area the answer is typed into: {@code rows} high, wrapping, bound both ways to {@code text}. */
    public static void answer(TextArea answer, String id, int rows, String prompt, StringProperty text) {
        answer.setId(id);
        answer.setWrapText(true);
        answer.setPrefRowCount(rows);
        answer.setPromptText(prompt);
        answer.textProperty().bindBidirectional(text);
    }

    /** The button that checks the typed answer, disabled while {@code disabled} holds. */
    public static Button check(String id, Runnable check, ObservableBooleanValue disabled) {
        Button button = new Button("_Check (Ctrl+Enter)");
        button.setId(id);
        button.setOnAction(e -> check.run());
        button.disableProperty().bind(disabled);
        return button;
    }

    /** The question's prompt, wrapped over as many lines as it needs, never cut short when the answer below grows. */
    public static Label prompt(ObservableValue<DrillItem> item) {
        Label prompt = new Label();
        prompt.getStyleClass().add(Styles.DRILL_PROMPT);
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        prompt.textProperty().bind(Bindings.createStringBinding(
                () -> item.getValue() == null ? "" : item.getValue().question().prompt(), item));
        return prompt;
    }

    /** The line for the student (checking, saving, what failed), taking no room while empty. */
    public static Label message(ObservableStringValue text) {
        Label message = new Label();
        message.getStyleClass().add(Styles.DRILL_MESSAGE);
        message.setWrapText(true);
        message.textProperty().bind(text);
        shownWhen(message, Bindings.isNotEmpty(text));
        return message;
    }

    /** A section heading, e.g. "Reference answer". */
    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DRILL_SECTION);
        return label;
    }

    /** The frame around a reference answer, at least a few lines high. */
    public static StackPane answerFrame(ReadingView reference) {
        reference.setMinHeight(120);
        reference.passScrollingAtItsEdges();
        StackPane frame = new StackPane(reference);
        frame.getStyleClass().add(Styles.DRILL_ANSWER_FRAME);
        return frame;
    }

    /** The summary once the drill is done, under an optional heading, with the way back to the reading. */
    public static VBox done(String heading, String summaryId, ObservableStringValue summary, Button back) {
        Label text = new Label();
        text.setId(summaryId);
        text.getStyleClass().add(Styles.DRILL_SUMMARY);
        text.setWrapText(true);
        text.textProperty().bind(summary);
        VBox done = new VBox(12, text, back);
        if (heading != null) {
            done.getChildren().add(0, new Label(heading));
        }
        return done;
    }

    public static Button back(Runnable closeDrill) {
        Button back = new Button("Back to the _Reading");
        back.setOnAction(e -> closeDrill.run());
        return back;
    }

    /** Shows {@code node}, taking room in the layout, only while {@code shown} holds. */
    public static <N extends Node> N shownWhen(N node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    /** The rating a digit key gives: 1 Again … 4 Easy. */
    public static Optional<FlashcardRating> rating(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char digit = name.charAt(name.length() - 1);
            return Character.isDigit(digit) ? FlashcardRating.ofNumber(digit - '0') : Optional.empty();
        }
        return Optional.empty();
    }
}
