package dev.lectern.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the UI shows goes through here, so tests can answer them without a window. */
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    Optional<Path> chooseDirectory(String title, Optional<Path> initial);
}
