package dev.lectern.course.edit;

import dev.lectern.course.Difficulty;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.Session;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.internal.CourseSyntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Makes a new course folder: {@code readings/course.yaml} (with a new id: the title's slug and a random suffix, so
 * the course's progress is its own), one sample reading and one sample question set, which
 * load without problems and show an author what goes where.
 */
public final class NewCourse {

    public static final String SAMPLE_READING = "sample-reading";
    public static final String SAMPLE_SET = "sample-reading";

    private NewCourse() {
    }

    /**
     * Writes the new course into {@code dir} (made if missing). Refuses a folder that already holds a course, so
     * nothing is ever overwritten.
     *
     * @return the files written
     */
    public static List<Path> create(Path dir, String title) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root.resolve("readings")) || Files.exists(root.resolve("questions"))) {
            throw new IOException(root + " already has a readings/ or questions/ folder; choose an empty folder for"
                    + " a new course.");
        }
        CourseFileStore store = new CourseFileStore(root);
        Path courseFile = root.resolve("readings").resolve(CourseSyntax.COURSE_FILE);
        Path readingFile = root.resolve("readings").resolve(SAMPLE_READING + ".md");
        Path setFile = root.resolve("questions").resolve(SAMPLE_SET + ".json");

        String course = courseFile(title)
                + "weeks:\n"
                + "  - number: 1\n"
                + "    label: Getting started\n";

        ReadingDocument reading = ReadingDocument.createMarkdown(SAMPLE_READING, "A sample reading to copy from", 1);
        reading.setShortTitle("Sample reading");
        reading.setKind(ReadingKind.PAPER);
        reading.setAuthors(List.of("Your Name"));
        reading.setYear(OptionalInt.of(java.time.Year.now().getValue()));
        reading.setSession(Optional.of(new Session(1, "First meeting")));
        reading.setTags(List.of("sample"));
        reading.setQuestionSets(List.of(SAMPLE_SET));
        reading.setAbstract("This reading shows how a course is written. Each reading is a Markdown file in the"
                + " readings folder: the front matter at the top names it and places it in a week, and the sections"
                + " below hold the abstract, slide excerpts and notes.\n");
        reading.setSlides(List.of(new SlideExcerpt("What a slide excerpt is",
                "A slide excerpt keeps one slide worth of material: a title, a few lines of text, and if you like an"
                        + " image copied into the course folder.\n", Optional.empty(), OptionalInt.of(1))));
        reading.setNotes("Notes are for whatever the students should keep in mind while they read.\n");

        QuestionSetDocument set = QuestionSetDocument.create(SAMPLE_SET, "Sample questions", List.of(SAMPLE_READING));
        QuestionSetDocument.EditableQuestion q = set.addQuestion("where-readings-live");
        q.setPrompt("Where does a course keep its readings?");
        q.setReferenceAnswer("In the readings folder, one Markdown or JSON file per reading.");
        q.setKeyPoints(List.of(new KeyPoint("the readings folder", List.of("readings directory")),
                new KeyPoint("one file per reading", List.of())));
        q.setTags(List.of("sample"));
        q.setDifficulty(Difficulty.EASY);

        save(store, courseFile, course.getBytes(StandardCharsets.UTF_8));
        save(store, readingFile, reading.toBytes());
        save(store, setFile, set.toBytes());
        return List.of(courseFile, readingFile, setFile);
    }

    /**
     * The start of a new course's {@code course.yaml}: a fresh id (the slug of {@code title} and a random suffix, so
     * its progress is its own) and the title; for whatever makes a new course folder.
     */
    public static String courseFile(String title) {
        return "id: " + CourseSyntax.newCourseId(title, new SecureRandom()) + "\n" + "title: " + quoted(title) + "\n";
    }

    private static void save(CourseFileStore store, Path file, byte[] bytes) throws IOException {
        if (store.saveAs(file, bytes) instanceof CourseFileStore.Conflict) {
            throw new IOException(file + " exists already; nothing was overwritten.");
        }
    }

    private static String quoted(String text) {
        return QuotedStrings.yaml(text);
    }
}
