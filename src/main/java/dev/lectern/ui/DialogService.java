package dev.lectern.ui;

import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.study.ExamSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the UI shows goes through here, so tests can answer them without a window. */
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    Optional<Path> chooseDirectory(String title, Optional<Path> initial);

    /** Asks a question with a few answers (the first is the default); empty when the dialog is dismissed. */
    Optional<String> choose(String title, String message, List<String> choices);

    /**
     * Asks how many questions an exam on {@code scope} should have (at most {@code available}) and for an optional
     * time limit; empty when the student cancels.
     */
    Optional<ExamSetup> askExamSetup(String scope, int available);

    /**
     * Asks for one or more files to open, offering those ending in one of {@code extensions} (".txt", ".md", …) first;
     * empty when cancelled.
     */
    List<Path> chooseFiles(String title, String description, List<String> extensions);

    /**
     * Asks to go ahead with something described by {@code message}, with {@code details} (a plan, a report) to read
     * in a scrolling box; true when {@code confirmLabel} is pressed.
     */
    boolean confirm(String title, String message, String details, String confirmLabel);

    /**
     * Asks to go ahead with a plan shown as a table ({@code columns} as headings, one row a line of {@code rows}), with
     * {@code notes} (a report) under it; true when {@code confirmLabel} is pressed. Without a table of its own, the rows
     * are shown as text in {@link #confirm}.
     */
    default boolean confirmTable(String title, String message, List<String> columns, List<List<String>> rows,
            String notes, String confirmLabel) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(String.join("  ", row)).append('\n'));
        if (!notes.isBlank()) {
            text.append('\n').append(notes);
        }
        return confirm(title, message, text.toString(), confirmLabel);
    }

    /** Asks for a password (typed hidden), saying why in {@code message}; empty when cancelled. */
    Optional<String> askPassword(String title, String message);

    /** Asks where to save a file, offering {@code suggestedName}; empty when the student cancels. */
    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /**
     * Asks for a file to open, showing files with these extensions ("png", "jpg", …; all files when empty); empty when
     * the user cancels.
     */
    Optional<Path> chooseOpenFile(String title, List<String> extensions);

    /**
     * Shows the review settings (desired retention, longest interval, new questions a day, fuzz) filled in from
     * {@code current}; the changed settings, or empty when the student cancels.
     */
    Optional<SchedulerSettings> askSchedulerSettings(SchedulerSettings current);
}
