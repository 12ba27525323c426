package dev.lectern.ui;

import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.study.ExamSetup;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A DialogService for tests: remembers what it was asked to show and gives the answers queued for it. */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public Optional<Path> nextDirectory = Optional.empty();
    /** Answers to {@link #choose}, in order; when none is left the dialog counts as dismissed. */
    public final Deque<String> choices = new ArrayDeque<>();
    /** Answers to {@link #askExamSetup}, in order; when none is left the student cancels. */
    public final Deque<ExamSetup> examSetups = new ArrayDeque<>();
    /** Where {@link #chooseSaveFile} saves; empty: the student cancels. */
    public Optional<Path> nextSaveFile = Optional.empty();
    /** What {@link #chooseFiles} gives; empty: the student cancels. */
    public List<Path> nextFiles = List.of();
    /** Answers to {@link #askPassword}, in order; when none is left the dialog is cancelled. */
    public final Deque<String> passwords = new ArrayDeque<>();
    /** Whether {@link #confirm} is confirmed. */
    public boolean confirmAnswer;
    /** The details last shown by {@link #confirm}. */
    public String confirmedDetails = "";
    /** What the student changes in the review settings dialog; null: they cancel. */
    public UnaryOperator<SchedulerSettings> settingsEdit;

    @Override
    public void showError(String title, String message) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Optional<Path> initial) {
        return nextDirectory;
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> offered) {
        shown.add("choose: " + title + ": " + message + " " + offered);
        return Optional.ofNullable(choices.poll());
    }

    @Override
    public Optional<ExamSetup> askExamSetup(String scope, int available) {
        shown.add("exam setup: " + scope + ", " + available + " available");
        return Optional.ofNullable(examSetups.poll());
    }

    /** What {@link #chooseOpenFile} opens; empty: the user cancels. */
    public Optional<Path> nextOpenFile = Optional.empty();

    @Override
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        shown.add("open file: " + title + ": " + extensions);
        return nextOpenFile;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        shown.add("save file: " + title + ": " + suggestedName);
        return nextSaveFile;
    }

    @Override
    public Optional<SchedulerSettings> askSchedulerSettings(SchedulerSettings current) {
        shown.add("review settings: retention " + current.desiredRetention());
        return settingsEdit == null ? Optional.empty() : Optional.of(settingsEdit.apply(current));
    }

    @Override
    public List<Path> chooseFiles(String title, String description, List<String> extensions) {
        shown.add("open files: " + title + ": " + description + " " + extensions);
        return nextFiles;
    }

    @Override
    public boolean confirm(String title, String message, String details, String confirmLabel) {
        shown.add("confirm: " + title + ": " + message + " [" + confirmLabel + "]");
        confirmedDetails = details;
        return confirmAnswer;
    }

    @Override
    public Optional<String> askPassword(String title, String message) {
        shown.add("password: " + title + ": " + message);
        return Optional.ofNullable(passwords.poll());
    }
}
