package dev.lectern.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the window should start, from the command line: which course and reading, which theme, and whether to
 * exit once the first reading is on screen (for start-up timing) or after writing a screenshot.
 */
public record AppOptions(Optional<Path> course, Optional<String> reading, Optional<String> theme, boolean readyExit,
        Optional<Path> screenshot) {

    public static AppOptions defaults() {
        return new AppOptions(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
    }
}
