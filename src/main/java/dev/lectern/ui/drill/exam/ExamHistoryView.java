package dev.lectern.ui.drill.exam;

import dev.lectern.study.Exam;
import dev.lectern.ui.Messages;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The finished exams, newest first; Enter or a double click opens one's results page. */
public final class ExamHistoryView extends VBox implements DrillView {

    public static final String ID_LIST = "pastExams";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT);

    private final ListView<Exam> list = new ListView<>();

    public ExamHistoryView(ExamHistoryViewModel model) {
        super(8);
        setPadding(new Insets(16));
        Label hint = new Label("Open an exam to read its results again.");
        hint.getStyleClass().add(Styles.DRILL_HINT);
        list.setId(ID_LIST);
        list.setItems(model.exams());
        list.setPlaceholder(new Label("No finished exams yet. Drill > Exam… starts one."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Exam exam, boolean empty) {
                super.updateItem(exam, empty);
                setText(empty || exam == null ? null : describe(exam));
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(hint, list);
    }

    public static String describe(Exam exam) {
        String when = WHEN.format(exam.startedAt().atZone(ZoneId.systemDefault()));
        return when + " — " + exam.title() + " — " + exam.total().percent() + "% ("
                + Messages.plural(exam.size(), "question") + ")";
    }

    @Override
    public void focusFirst() {
        Platform.runLater(() -> {
            list.requestFocus();
            if (!list.getItems().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
    }

    @Override
    public void dispose() {
        // Nothing runs in the background.
    }
}
