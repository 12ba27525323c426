package dev.lectern.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A course folder in a test's temporary directory, into which Markdown fixtures are copied as real reading files. */
final class CourseFixture {

    final Path root;
    final Path readings;
    final Path images;

    CourseFixture(Path tempDir) {
        root = tempDir.resolve("course");
        readings = root.resolve("readings");
        images = readings.resolve("images");
        try {
            Files.createDirectories(images);
            ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB), "png", images.resolve("ok.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code src/test/resources/render/<resource>} to {@code readings/<file name>} and returns the file. */
    Path copy(String resource) {
        Path target = readings.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = CourseFixture.class.getResourceAsStream("/render/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture /render/" + resource);
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String fileName, String markdown) {
        try {
            return Files.writeString(readings.resolve(fileName), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a reading file the way the app does: its folder is where relative images are looked up. */
    String render(Path readingFile) {
        try {
            return new MarkdownRenderer(root).toSafeHtml(Files.readString(readingFile), readingFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String renderFixture(String name) {
        return render(copy("hostile/" + name));
    }

    String renderMarkdown(String markdown) {
        return render(write("inline.md", markdown));
    }
}
