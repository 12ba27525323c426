package dev.lectern.ui;

import dev.lectern.review.ExamSetup;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX alerts and the platform's folder chooser, owned by the main window. */
public final class FxDialogService implements DialogService {

    public static final String ID_EXAM_QUESTIONS = "examQuestionCount";
    public static final String ID_EXAM_TIMED = "examTimed";
    public static final String ID_EXAM_MINUTES = "examMinutes";
    static final int DEFAULT_MINUTES = 20;

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    private void alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Optional<Path> initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        initial.filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    /** The first choice is the default button; the last is what Esc or closing the dialog picks. */
    @Override
    public Optional<String> choose(String title, String message, List<String> choices) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            ButtonBar.ButtonData data = i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : i == choices.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(choices.get(i), data));
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().map(ButtonType::getText);
    }

    @Override
    public Optional<ExamSetup> askExamSetup(String scope, int available) {
        Dialog<ExamSetup> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Exam");
        dialog.setHeaderText("Exam on " + scope + " (" + available + (available == 1 ? " question" : " questions")
                + " to draw from)");
        ButtonType start = new ButtonType("Start Exam", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);

        Spinner<Integer> count = new Spinner<>(1, Math.max(1, available), Math.min(ExamSetup.DEFAULT_QUESTIONS, available));
        count.setId(ID_EXAM_QUESTIONS);
        count.setEditable(true);
        CheckBox timed = new CheckBox("Time limit");
        timed.setId(ID_EXAM_TIMED);
        Spinner<Integer> minutes = new Spinner<>(1, 600, DEFAULT_MINUTES);
        minutes.setId(ID_EXAM_MINUTES);
        minutes.setEditable(true);
        minutes.disableProperty().bind(timed.selectedProperty().not());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        Label countLabel = new Label("_Questions");
        countLabel.setMnemonicParsing(true);
        countLabel.setLabelFor(count);
        form.addRow(0, countLabel, count);
        form.addRow(1, timed, minutes, new Label("minutes"));
        dialog.getDialogPane().setContent(form);
        dialog.setOnShown(e -> count.getEditor().requestFocus());

        dialog.setResultConverter(button -> {
            if (button != start) {
                return null;
            }
            int n = typed(count, available);
            return timed.isSelected() ? ExamSetup.timed(n, Duration.ofMinutes(typed(minutes, 600)))
                    : ExamSetup.untimed(n);
        });
        return dialog.showAndWait();
    }

    /** The number in an editable spinner, including what was typed but not yet committed, within 1..max. */
    private static int typed(Spinner<Integer> spinner, int max) {
        int value = spinner.getValue();
        try {
            value = Integer.parseInt(spinner.getEditor().getText().strip());
        } catch (NumberFormatException e) {
            // Keep the spinner's own value.
        }
        return Math.max(1, Math.min(Math.max(1, max), value));
    }
}
