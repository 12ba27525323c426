package dev.lectern.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the window should start, from the command line: which course and reading, which theme, and whether to
 * exit once the first reading is on screen (for start-up timing) or after writing a screenshot.
 */
public record AppOptions(Optional<Path> course, Optional<String> reading, Optional<String> theme, boolean readyExit,
        Optional<Path> screenshot, Optional<Path> dataDir) {

    /** Progress in the usual data folder. */
    public AppOptions(Optional<Path> course, Optional<String> reading, Optional<String> theme, boolean readyExit,
            Optional<Path> screenshot) {
        this(course, reading, theme, readyExit, screenshot, Optional.empty());
    }

    public static AppOptions defaults() {
        return new AppOptions(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    /**
     * The window's options when {@code args} are nothing but window options written plainly ({@code --ready-exit},
     * {@code --course DIR}, {@code --reading ID}, {@code --theme NAME}, {@code --data-dir DIR}, each at most once, a value also as
     * {@code --option=value}), read without building the picocli model, which costs a noticeable part of start-up
     * (this class does not touch picocli). Empty for anything else, which then goes through
     * {@link LecternCommand#commandLine} as usual (help, errors, subcommands).
     */
    public static Optional<AppOptions> fromPlainArgs(String... args) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        boolean readyExit = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--ready-exit")) {
                if (readyExit) {
                    return Optional.empty();
                }
                readyExit = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!name.equals("--course") && !name.equals("--reading") && !name.equals("--theme")
                    && !name.equals("--data-dir")) {
                return Optional.empty();
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || values.put(name, value) != null) {
                return Optional.empty();
            }
        }
        Optional<Path> course;
        Optional<Path> dataDir;
        try {
            course = Optional.ofNullable(values.get("--course")).map(Path::of);
            dataDir = Optional.ofNullable(values.get("--data-dir")).map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.of(new AppOptions(course, Optional.ofNullable(values.get("--reading")),
                Optional.ofNullable(values.get("--theme")), readyExit, Optional.empty(), dataDir));
    }

}
