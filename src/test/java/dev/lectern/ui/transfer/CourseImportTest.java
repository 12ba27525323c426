package dev.lectern.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.interchange.ImportKind;
import dev.lectern.ui.RecordingDialogs;
import dev.lectern.ui.UiQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Import without a window: the plan and report shown before anything is written, then the import. */
class CourseImportTest {

    static final String POST = """
            ---
            layout: post
            title: Vision and language
            lecture: W7-Vision
            tags:
              - vision
            ---

            ## Readings:

            ### A Made-Up Paper on Seeing
            + https://arxiv.org/abs/2401.00001
            + Ada Example, Ben Sample
            + We describe a model that looks at pictures and answers questions about them.

            ### - Another Invented Study
            + Carla Placeholder
            + A short abstract of our own about counting objects in photographs.
            """;

    @TempDir
    Path dir;

    Path courseDir;
    Path post;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final UiQueue ui = new UiQueue();
    final AtomicInteger reloads = new AtomicInteger();
    final AtomicReference<Course> course = new AtomicReference<>();

    @BeforeEach
    void setUp() throws IOException {
        courseDir = Files.createDirectories(dir.resolve("course"));
        Files.createDirectories(courseDir.resolve("readings"));
        Files.createDirectories(courseDir.resolve("questions"));
        post = Files.writeString(dir.resolve("2024-03-05-vision.md"), POST);
        course.set(CourseLoader.load(courseDir).course());
    }

    private CourseImport imports() {
        return new CourseImport(Runnable::run, ui, dialogs, course::get, reloads::incrementAndGet);
    }

    @Test
    void theAuthorSeesThePlanAndReportThenTheReadingsAreWrittenAndTheLibraryReloads() {
        dialogs.nextFiles = List.of(post);
        dialogs.confirmAnswer = true;

        imports().start(ImportKind.POSTS);
        ui.runUntil(() -> reloads.get() == 1);

        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("confirm: Import Course-Site Posts: 2 new"
                + " readings, 0 new question sets, 0 updated, 0 already in the course"));
        assertThat(dialogs.confirmedDetails).contains("readings/a-made-up-paper.md  create  reading: new reading")
                .contains("readings/another-invented-study.md  create  reading: new reading");
        assertThat(dialogs.shown).last().isEqualTo("info: Import Course-Site Posts: 2 files written.");
        assertThat(courseDir.resolve("readings/a-made-up-paper.md")).exists();
        assertThat(CourseLoader.load(courseDir).problems()).isEmpty();
    }

    @Test
    void cancellingThePreviewWritesNothing() throws IOException {
        dialogs.nextFiles = List.of(post);
        dialogs.confirmAnswer = false;

        imports().start(ImportKind.POSTS);
        ui.runUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("confirm: ")));
        assertThat(reloads.get()).isZero();
        try (var files = Files.list(courseDir.resolve("readings"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void importingTheSameFilesAgainSaysThereIsNothingToImport() {
        dialogs.nextFiles = List.of(post);
        dialogs.confirmAnswer = true;
        imports().start(ImportKind.POSTS);
        ui.runUntil(() -> reloads.get() == 1);
        course.set(CourseLoader.load(courseDir).course());
        dialogs.shown.clear();

        imports().start(ImportKind.POSTS);
        ui.runUntil(() -> !dialogs.shown.isEmpty() && !dialogs.shown.get(dialogs.shown.size() - 1).startsWith("open"));

        assertThat(dialogs.shown).last().asString().startsWith("info: Import Course-Site Posts: Nothing to import: 0 new"
                + " readings, 0 new question sets, 0 updated, 2 already in the course");
        assertThat(reloads.get()).isEqualTo(1);
    }

    @Test
    void withoutAnOpenCourseItSaysToOpenOneFirst() {
        course.set(null);

        imports().start(ImportKind.ANKI);

        assertThat(dialogs.shown).containsExactly("error: Import: Open a course first: imports go into the open"
                + " course's folder.");
    }
}
