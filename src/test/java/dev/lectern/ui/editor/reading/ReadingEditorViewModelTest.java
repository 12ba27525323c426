package dev.lectern.ui.editor.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.TestCourses;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel.Field;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel.SlideField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading editor without a window: front matter, slides, images, undo to the very bytes, saving. */
class ReadingEditorViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    Path course;
    Path file;
    byte[] original;
    ReadingEditorViewModel editor;

    @BeforeAll
    static void startGrader() {
        grading = GradingService.of(DrillFixture::grade);
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        fx = new DrillFixture(dir);
        course = TestCourses.copyOfBundledCourse(dir.resolve("course"));
        file = course.resolve("readings/emu-video.md");
        original = Files.readAllBytes(file);
        editor = ReadingEditorViewModel.OPENER.open(fx.services(grading), course, file,
                new SimpleObjectProperty<>(Theme.LIGHT), () -> { });
    }

    private Reading reloaded() {
        return CourseLoader.load(course).course().reading("emu-video").orElseThrow();
    }

    @Test
    void theFormShowsTheFrontMatterAndTheFirstSlideExcerpt() {
        assertThat(editor.field(Field.SHORT_TITLE).get()).isEqualTo("Emu Video");
        assertThat(editor.field(Field.WEEK).get()).isEqualTo("7");
        assertThat(editor.field(Field.SESSION_LABEL).get()).isEqualTo("Tuesday: Multimodal / Vision FM");
        assertThat(editor.field(Field.ARXIV).get()).isEqualTo("https://arxiv.org/abs/2311.10709");
        assertThat(editor.slides()).isNotEmpty();
        assertThat(editor.slideField(SlideField.TITLE).get()).isEqualTo("The idea: image first, then video");
        assertThat(editor.slideField(SlideField.PAGE).get()).isEqualTo("1");
    }

    @Test
    void editsAreSavedAndTheCourseLoadsThem() {
        editor.field(Field.SHORT_TITLE).set("Emu Video (edited)");
        editor.field(Field.TAGS).set("video-generation, diffusion");
        editor.slideField(SlideField.TITLE).set("Image first");

        assertThat(settle(editor.save())).isTrue();

        Reading reading = reloaded();
        assertThat(reading.shortTitle()).isEqualTo("Emu Video (edited)");
        assertThat(reading.tags()).containsExactly("video-generation", "diffusion");
        assertThat(reading.slides().get(0).title()).isEqualTo("Image first");
    }

    @Test
    void undoingEveryEditGivesBackTheFileByteForByte() {
        editor.field(Field.VENUE).set("CVPR");
        editor.endTyping();
        editor.addSlide();
        editor.slideField(SlideField.TEXT).set("New slide text.");
        editor.field(Field.NOTES).set("Shorter notes.");
        assertThat(editor.dirtyProperty().get()).isTrue();

        while (editor.canUndoProperty().get()) {
            editor.undo();
        }

        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.document().toBytes()).isEqualTo(original);
        assertThat(editor.field(Field.VENUE).get()).isEqualTo("arXiv preprint");
    }

    @Test
    void addImageCopiesThePictureIntoTheCourseAndReferencesItFromTheSlide() throws Exception {
        Path picture = Files.write(dir.resolve("my diagram.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        fx.dialogs.nextOpenFile = Optional.of(picture);
        editor.selectSlide(0);

        settle(editor.addImage());

        Path copied = course.resolve("images/emu-video/my-diagram.png");
        assertThat(copied).exists().hasSameBinaryContentAs(picture);
        assertThat(editor.slideField(SlideField.IMAGE).get()).isEqualTo("../images/emu-video/my-diagram.png");
        assertThat(settle(editor.save())).isTrue();
        assertThat(reloaded().slides().get(0).image()).isPresent();
        fx.ui.runUntil(editor::validated);
        assertThat(editor.problems()).isEmpty();
    }

    @Test
    void anImageOfTheSameNameWithOtherBytesIsNotOverwritten() throws Exception {
        Path images = Files.createDirectories(course.resolve("images/emu-video"));
        Files.write(images.resolve("d.png"), new byte[] {1});
        fx.dialogs.nextOpenFile = Optional.of(Files.write(dir.resolve("d.png"), new byte[] {2}));

        settle(editor.addImage());

        assertThat(images.resolve("d.png")).hasBinaryContent(new byte[] {1});
        assertThat(images.resolve("d-2.png")).hasBinaryContent(new byte[] {2});
        assertThat(editor.slideField(SlideField.IMAGE).get()).endsWith("d-2.png");
    }

    /** Runs the UI queue until the work is done, and gives its result. */
    private <T> T settle(CompletableFuture<T> work) {
        fx.ui.runUntil(work::isDone);
        return work.join();
    }
}
