package dev.lectern.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A DialogService for tests: remembers what it was asked to show and answers folder choices from a queue. */
final class RecordingDialogs implements DialogService {

    final List<String> shown = new ArrayList<>();
    Optional<Path> nextDirectory = Optional.empty();

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
}
