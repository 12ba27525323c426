package dev.lectern.ui.shell;

import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.render.ReadingRenderer;
import dev.lectern.render.Theme;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A course loaded and the reading it opens on rendered, ready to show. Made off the UI thread; the app starts it
 * before the window, so that it overlaps JavaFX's own start-up. {@code first} is the reading it opens on, rendered;
 * null when the course has no reading.
 */
public record PreparedCourse(LoadedCourse loaded, ReadingRenderer renderer, RenderedReading first) {

    /**
     * Loads a course and renders the reading it will open on ({@code readingId}, else its first reading) in
     * {@code theme}. Blocks; call it off the UI thread.
     */
    public static PreparedCourse prepare(Path dir, Optional<String> readingId, Theme theme) {
        LoadedCourse loaded = CourseLoader.load(dir);
        ReadingRenderer renderer = new ReadingRenderer(loaded.course().root());
        Optional<Reading> first = readingId.flatMap(id -> loaded.course().reading(id))
                .or(() -> loaded.course().readings().stream().findFirst());
        RenderedReading rendered = first.map(r -> new RenderedReading(r, theme, renderer.render(r, theme))).orElse(null);
        return new PreparedCourse(loaded, renderer, rendered);
    }

    /** A reading rendered in a theme. */
    public record RenderedReading(Reading reading, Theme theme, String html) {
    }
}
