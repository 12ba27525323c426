package dev.lectern.ui.shell;

import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.study.ExamSetup;
import dev.lectern.ui.DialogService;
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
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX alerts and the platform's folder chooser, owned by the main window. */
public final class FxDialogService implements DialogService {

    public static final String ID_EXAM_QUESTIONS = "examQuestionCount";
    public static final String ID_EXAM_TIMED = "examTimed";
    public static final String ID_EXAM_MINUTES = "examMinutes";
    public static final String ID_RETENTION = "reviewRetention";
    public static final String ID_MAX_INTERVAL = "reviewMaximumInterval";
    public static final String ID_NEW_PER_DAY = "reviewNewPerDay";
    public static final String ID_FUZZ = "reviewFuzz";
    public static final String ID_RESCHEDULE = "settingsReschedule";
    public static final String ID_PLAN_TABLE = "importPlanTable";
    public static final String ID_PLAN_NOTES = "importPlanNotes";
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

    @Override
    public Optional<String> askPassword(String title, String message) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setPromptText("Password");
        dialog.getDialogPane().setContent(field);
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setResultConverter(button -> button == open ? field.getText() : null);
        return dialog.showAndWait();
    }

    @Override
    public List<Path> chooseFiles(String title, String description, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (!extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description,
                    extensions.stream().map(e -> "*" + e).toList()));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    @Override
    public boolean confirm(String title, String message, String details, String confirmLabel) {
        ButtonType go = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, go, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (!details.isBlank()) {
            javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(details);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(16);
            text.setPrefColumnCount(90);
            alert.getDialogPane().setExpandableContent(text);
            alert.getDialogPane().setExpanded(true);
        }
        alert.setResizable(true);
        return alert.showAndWait().filter(b -> b == go).isPresent();
    }

    @Override
    public boolean confirmTable(String title, String message, List<String> columns, List<List<String>> rows,
            String notes, String confirmLabel) {
        ButtonType go = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        javafx.scene.control.TableView<List<String>> table = new javafx.scene.control.TableView<>();
        table.setId(ID_PLAN_TABLE);
        for (int i = 0; i < columns.size(); i++) {
            int column = i;
            javafx.scene.control.TableColumn<List<String>, String> c = new javafx.scene.control.TableColumn<>(
                    columns.get(i));
            c.setCellValueFactory(row -> new javafx.beans.property.ReadOnlyStringWrapper(
                    column < row.getValue().size() ? row.getValue().get(column) : ""));
            table.getColumns().add(c);
        }
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY);
        table.getItems().setAll(rows);
        table.setPrefSize(900, Math.min(420, 60 + 26.0 * rows.size()));
        Label text = new Label(message);
        text.setWrapText(true);
        VBox content = new VBox(8, text, table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        if (!notes.isBlank()) {
            javafx.scene.control.TextArea report = new javafx.scene.control.TextArea(notes);
            report.setId(ID_PLAN_NOTES);
            report.setEditable(false);
            report.setWrapText(true);
            report.setPrefRowCount(6);
            content.getChildren().add(report);
        }
        dialog.getDialogPane().setContent(content);
        return dialog.showAndWait().filter(b -> b == go).isPresent();
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (!extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    String.join(", ", extensions).toUpperCase(java.util.Locale.ROOT) + " files",
                    extensions.stream().map(e -> "*." + e).toList()));
        }
        File chosen = chooser.showOpenDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        int dot = suggestedName.lastIndexOf('.');
        if (dot > 0) {
            String extension = suggestedName.substring(dot);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    extension.substring(1).toUpperCase(java.util.Locale.ROOT) + " files", "*" + extension));
        }
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<SchedulerSettings> askSchedulerSettings(SchedulerSettings current) {
        Dialog<SchedulerSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Review Settings");
        dialog.setHeaderText("How reviews are scheduled");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);

        Slider retention = new Slider(0.70, 0.99, current.desiredRetention());
        retention.setId(ID_RETENTION);
        retention.setMajorTickUnit(0.05);
        retention.setBlockIncrement(0.01);
        retention.setShowTickMarks(true);
        Label retentionValue = new Label();
        retentionValue.textProperty().bind(retention.valueProperty().multiply(100).asString("%.0f %%"));
        Spinner<Integer> maxInterval = new Spinner<>(1, 36500, current.maximumIntervalDays());
        maxInterval.setId(ID_MAX_INTERVAL);
        maxInterval.setEditable(true);
        Spinner<Integer> newPerDay = new Spinner<>(0, 9999, current.newPerDay());
        newPerDay.setId(ID_NEW_PER_DAY);
        newPerDay.setEditable(true);
        CheckBox fuzz = new CheckBox("Spread intervals a little (fuzz), so reviews made together do not stay together");
        fuzz.setId(ID_FUZZ);
        fuzz.setSelected(current.fuzz());

        CheckBox practice = new CheckBox("Practice answers");
        practice.setId(ID_RESCHEDULE + "practice");
        practice.setSelected(current.reschedules(ReviewMode.PRACTICE));
        CheckBox exams = new CheckBox("Exam answers");
        exams.setId(ID_RESCHEDULE + "exam");
        exams.setSelected(current.reschedules(ReviewMode.EXAM));
        CheckBox flashcards = new CheckBox("Flashcard ratings");
        flashcards.setId(ID_RESCHEDULE + "flashcard");
        flashcards.setSelected(current.reschedules(ReviewMode.FLASHCARD));
        Label counts = new Label("Count towards your schedule, as a review does (reviews always count; the others"
                + " are kept in your history either way):");
        counts.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, label("Desired _retention", retention), retention, retentionValue);
        form.addRow(1, label("_Longest interval (days)", maxInterval), maxInterval);
        form.addRow(2, label("_New questions a day", newPerDay), newPerDay);
        form.add(fuzz, 0, 3, 3, 1);
        Label hint = new Label("Higher retention means more reviews; 90 % suits most students.");
        hint.setWrapText(true);
        form.add(hint, 0, 4, 3, 1);
        form.add(counts, 0, 5, 3, 1);
        form.add(new javafx.scene.layout.HBox(16, practice, exams, flashcards), 0, 6, 3, 1);
        dialog.getDialogPane().setContent(form);
        dialog.setOnShown(e -> retention.requestFocus());

        dialog.setResultConverter(button -> {
            if (button != save) {
                return null;
            }
            double r = Math.round(retention.getValue() * 100) / 100.0;
            return current.withDesiredRetention(Math.max(0.70, Math.min(0.99, r)))
                    .withMaximumIntervalDays(Math.max(1, typed(maxInterval, 36500)))
                    .withNewPerDay(Math.max(0, Math.min(9999, typedOrZero(newPerDay))))
                    .withFuzz(fuzz.isSelected())
                    .withRescheduling(rescheduling(practice.isSelected(), exams.isSelected(), flashcards.isSelected()));
        });
        return dialog.showAndWait();
    }

    private static java.util.Set<ReviewMode> rescheduling(boolean practice, boolean exams, boolean flashcards) {
        java.util.Set<ReviewMode> modes = java.util.EnumSet.of(ReviewMode.REVIEW);
        if (practice) {
            modes.add(ReviewMode.PRACTICE);
        }
        if (exams) {
            modes.add(ReviewMode.EXAM);
        }
        if (flashcards) {
            modes.add(ReviewMode.FLASHCARD);
        }
        return modes;
    }

    private static Label label(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        return label;
    }

    /** Like {@link #typed}, but 0 is allowed. */
    private static int typedOrZero(Spinner<Integer> spinner) {
        int value = spinner.getValue();
        try {
            value = Integer.parseInt(spinner.getEditor().getText().strip());
        } catch (NumberFormatException e) {
            // Keep the spinner's own value.
        }
        return value;
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
