package dev.lectern.cli;

import dev.lectern.files.DefaultCourse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --course} option of every command that reads a course, as a picocli mixin: the folder given, else the
 * default course. A command whose course plays a particular part says so under the key
 * {@code lectern.<command>.course} of {@code dev/lectern/cli/Options.properties}.
 */
public final class CourseOption {

    @Option(names = "--course", paramLabel = "COURSE_DIR", descriptionKey = "course",
            description = "The course folder. Default: $LECTERN_COURSE, else the current folder if it is a course,"
                    + " else the bundled course.")
    Path folder;

    /** The folder of {@code --course}, if it was given. */
    public Optional<Path> given() {
        return Optional.ofNullable(folder);
    }

    /** The folder of {@code --course}, else $LECTERN_COURSE, the current folder if it is a course, or the bundled one. */
    public Path dir() throws IOException {
        return folder != null ? folder : DefaultCourse.locate();
    }
}
