package dev.lectern.ui.drill.exam;

import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillLayout;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.reading.ReadingView;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * An exam: the countdown, the question and the answer being typed, moving between questions, finishing; then the
 * results page. Layout and bindings only; for a timed exam a timeline asks the view model to tick once a second.
 */
public final class ExamView extends StackPane implements DrillView {

    public static final String ID_COUNTDOWN = "examCountdown";
    public static final String ID_ANSWERED = "examAnswered";
    public static final String ID_ANSWER = "examAnswer";
    public static final String ID_PREVIOUS = "examPrevious";
    public static final String ID_NEXT = "examNext";
    public static final String ID_FINISH = "examFinish";
    public static final String ID_MESSAGE = "examMessage";
    public static final String ID_TOTAL = "examTotal";
    public static final String ID_RESULTS = "examResults";

    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ExamViewModel model;
    private final TextArea answer = new TextArea();
    private final ReadingView results;
    private final Timeline ticker;

    public ExamView(ExamViewModel model, Consumer<String> openLink, Runnable closeDrill) {
        this.model = model;
        this.results = new ReadingView(openLink);

        Label countdown = new Label();
        countdown.setId(ID_COUNTDOWN);
        countdown.getStyleClass().add(Styles.EXAM_COUNTDOWN);
        countdown.textProperty().bind(model.remainingProperty());
        countdown.visibleProperty().bind(model.timedProperty());
        countdown.managedProperty().bind(countdown.visibleProperty());
        Label answered = new Label();
        answered.setId(ID_ANSWERED);
        answered.getStyleClass().add(Styles.DRILL_HINT);
        answered.textProperty().bind(model.answeredProperty());
        Label noFeedback = new Label("No feedback until the end.");
        noFeedback.getStyleClass().add(Styles.DRILL_HINT);
        HBox status = new HBox(16, countdown, answered, noFeedback);

        Label prompt = DrillLayout.prompt(model.itemProperty());

        DrillLayout.answer(answer, ID_ANSWER, 8, "Type your answer. Ctrl+Enter goes to the next question.",
                model.answerProperty());
        VBox.setVgrow(answer, Priority.SOMETIMES);

        Button previous = new Button("_Previous");
        previous.setId(ID_PREVIOUS);
        previous.setOnAction(e -> model.previous());
        previous.disableProperty().bind(model.firstProperty());
        Button next = new Button("_Next (Ctrl+Enter)");
        next.setId(ID_NEXT);
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.lastProperty());
        Button finish = new Button("_Finish Exam");
        finish.setId(ID_FINISH);
        finish.setOnAction(e -> model.finish());
        Label message = DrillLayout.message(model.messageProperty());
        message.setId(ID_MESSAGE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, previous, next, gap, finish);
        VBox answering = new VBox(12, status, prompt, answer, buttons, message);
        answering.setPadding(new Insets(16));
        answering.visibleProperty().bind(model.phaseProperty().isEqualTo(ExamViewModel.Phase.ANSWERING));

        Label marking = new Label();
        marking.textProperty().bind(model.messageProperty());
        VBox markingBox = new VBox(12, new ProgressIndicator(), marking);
        markingBox.setAlignment(Pos.CENTER);
        markingBox.visibleProperty().bind(model.phaseProperty().isEqualTo(ExamViewModel.Phase.MARKING));

        Label total = new Label();
        total.setId(ID_TOTAL);
        total.getStyleClass().add(Styles.EXAM_TOTAL);
        total.textProperty().bind(model.totalProperty());
        // The whole total, on two lines if it must: a cut-off "0 partial ·…" hides the incorrect count.
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(total, Priority.SOMETIMES);
        Button back = DrillLayout.back(closeDrill);
        back.setMinWidth(Region.USE_PREF_SIZE);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox top = new HBox(12, total, gap2, back);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 16, 10, 16));
        results.setId(ID_RESULTS);
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox resultsBox = new VBox(top, results);
        resultsBox.visibleProperty().bind(model.phaseProperty().isEqualTo(ExamViewModel.Phase.RESULTS));

        getChildren().addAll(answering, markingBox, resultsBox);
        model.resultsHtmlProperty().addListener((obs, old, html) -> results.show(html));
        if (!model.resultsHtmlProperty().get().isEmpty()) {
            results.show(model.resultsHtmlProperty().get());
        }
        model.itemProperty().addListener((obs, old, item) -> focusFirst());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (NEXT.match(e)) {
                model.next();
                e.consume();
            }
        });

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        if (model.timedProperty().get() && model.phaseProperty().get() == ExamViewModel.Phase.ANSWERING) {
            ticker.play();
        }
    }

    public ReadingView resultsView() {
        return results;
    }

    @Override
    public void focusFirst() {
        Platform.runLater(() -> Platform.runLater(answer::requestFocus));
    }

    @Override
    public void dispose() {
        ticker.stop();
        answer.textProperty().unbindBidirectional(model.answerProperty());
    }
}
