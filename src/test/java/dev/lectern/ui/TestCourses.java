package dev.lectern.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the bundled course in temporary folders, for tests that change files. */
public final class TestCourses {

    private TestCourses() {
    }

    /** Copies readings/ and questions/ of this repository into {@code into}; returns it, absolute. */
    public static Path copyOfBundledCourse(Path into) {
        Path repo = Path.of("").toAbsolutePath();
        try {
            for (String folder : new String[] {"readings", "questions"}) {
                Path source = repo.resolve(folder);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Path target = into.resolve(folder).resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return into.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
