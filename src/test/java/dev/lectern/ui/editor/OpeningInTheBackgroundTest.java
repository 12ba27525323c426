package dev.lectern.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.TestCourses;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files an editor works on are read and written on the background executor, not the caller's thread. */
class OpeningInTheBackgroundTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    final HeldBackground background = new HeldBackground();
    final SimpleObjectProperty<Course> course = new SimpleObjectProperty<>();
    final List<Path> opened = new ArrayList<>();
    AuthoringViewModel authoring;

    @BeforeAll
    static void startGrader() {
        grading = GradingService.of(DrillFixture::grade);
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    @BeforeEach
    void setUp() {
        fx = new DrillFixture(dir);
        course.set(CourseLoader.load(TestCourses.copyOfBundledCourse(dir.resolve("course"))).course());
        DrillServices services = new DrillServices(grading, fx.progress, fx.dialogs, background, fx.ui, fx.clock);
        authoring = new AuthoringViewModel(services, course, new SimpleObjectProperty<>(Theme.LIGHT), () -> { },
                opened::add);
    }

    private <T> T finish(CompletableFuture<T> work) {
        fx.ui.runUntil(() -> {
            background.runAll();
            return work.isDone();
        });
        return work.join();
    }

    @Test
    void theQuestionSetIsReadInTheBackgroundAndItsEditorShownAfterwards() {
        CompletableFuture<Void> opening = authoring.editQuestionSet(course.get().questionSet("llava").orElseThrow());

        assertThat(background.hasWaiting()).isTrue();
        assertThat(authoring.currentProperty().get()).as("not before the file is read").isNull();

        finish(opening);
        assertThat(authoring.currentProperty().get()).isInstanceOf(QuestionSetEditorViewModel.class);
    }

    @Test
    void aFileThatCannotBeReadIsSaidAndNoEditorOpens() throws Exception {
        Files.delete(course.get().root().resolve("readings/llava.md"));

        finish(authoring.editReading(course.get().reading("llava").orElseThrow()));

        assertThat(authoring.currentProperty().get()).isNull();
        assertThat(fx.dialogs.shown).singleElement().asString().startsWith("error: Cannot edit ")
                .contains("llava.md could not be opened for editing");
    }

    @Test
    void aNewCourseIsWrittenInTheBackgroundAndThenOpened() {
        Path target = dir.resolve("new-course");
        fx.dialogs.nextDirectory = Optional.of(target);

        CompletableFuture<Void> making = authoring.newCourse();

        assertThat(Files.exists(target.resolve("readings"))).as("nothing written on the caller's thread").isFalse();
        finish(making);
        assertThat(Files.isDirectory(target.resolve("readings"))).isTrue();
        assertThat(opened).containsExactly(target.toAbsolutePath().normalize());
    }
}
