package dev.lectern.course.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes course files into a temporary folder for tests, with a known-good reading and set to load beside them. */
public final class CourseFolder {

    public static final String GOOD_READING = """
            ---
            id: good
            title: A Good Reading
            shortTitle: Good
            authors: [Ada Lovelace]
            year: 2023
            week: 7
            session:
              number: 1
              label: Tuesday
            tags: [vision]
            questionSets: [good-set]
            ---

            ## Abstract

            It loads.

            ## Slides

            ### First slide {page=2}

            Text of the first slide.

            ## Notes

            Remember this.
            """;

    public static final String GOOD_SET = """
            {
              "id": "good-set",
              "title": "Good questions",
              "readings": ["good"],
              "questions": [
                {
                  "id": "one",
                  "prompt": "What is one?",
                  "referenceAnswer": "One is the first number.",
                  "keyPoints": ["first number"]
                }
              ]
            }
            """;

    public final Path root;

    public CourseFolder(Path root) {
        this.root = root;
        write("readings/good.md", GOOD_READING);
        write("questions/good-set.json", GOOD_SET);
    }

    public CourseFolder write(String relative, String text) {
        return write(relative, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public CourseFolder write(String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String relative) {
        return root.resolve(relative).toAbsolutePath().normalize();
    }

    public LoadedCourse load() {
        return CourseLoader.load(root);
    }
}
