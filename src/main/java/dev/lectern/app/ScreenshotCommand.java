package dev.lectern.app;

import dev.lectern.cli.AppOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lectern screenshot}: starts the real app on a reading and writes a PNG of the whole window. */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Starts Lectern, opens a reading, waits until it is rendered, writes a PNG of the whole window"
                + " and exits (0 when the PNG was written).")
final class ScreenshotCommand implements Callable<Integer> {

    @Option(names = "--reading", required = true, paramLabel = "ID", description = "The reading to show.")
    String reading;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light", description = "Theme (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--course", paramLabel = "COURSE_DIR", description = "Course folder (default: the default course).")
    Path course;

    @Override
    public Integer call() {
        return LecternApp.launchWith(new AppOptions(Optional.ofNullable(course), Optional.of(reading),
                Optional.of(theme), false, Optional.of(out.toAbsolutePath())));
    }
}
