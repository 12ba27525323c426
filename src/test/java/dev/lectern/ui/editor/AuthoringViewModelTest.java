package dev.lectern.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.TestCourses;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel;
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

/** Opening and closing editors, the unsaved-changes prompt on close and on quit, and new courses. */
class AuthoringViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    SimpleObjectProperty<Course> course = new SimpleObjectProperty<>();
    List<String> reloads = new ArrayList<>();
    List<Path> opened = new ArrayList<>();
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
        authoring = new AuthoringViewModel(fx.services(grading), course, new SimpleObjectProperty<>(Theme.LIGHT),
                () -> reloads.add("reload"), opened::add);
    }

    @Test
    void editingASetShowsItsEditorAndSavingReloadsTheCourse() {
        settle(authoring.editQuestionSet(course.get().questionSet("llava").orElseThrow()));

        Editor editor = authoring.currentProperty().get();
        assertThat(editor).isInstanceOf(QuestionSetEditorViewModel.class);
        ((QuestionSetEditorViewModel) editor).addQuestion();
        assertThat(settle(editor.save())).isTrue();
        assertThat(reloads).containsExactly("reload");
    }

    @Test
    void closingAnEditorWithUnsavedChangesAsksAndCancelKeepsItOpen() {
        settle(authoring.editReading(course.get().reading("llava").orElseThrow()));
        ReadingEditorViewModel editor = (ReadingEditorViewModel) authoring.currentProperty().get();
        editor.field(ReadingEditorViewModel.Field.VENUE).set("NeurIPS");

        fx.dialogs.choices.add("Cancel");
        assertThat(settle(authoring.closeEditor())).isFalse();
        assertThat(authoring.currentProperty().get()).isSameAs(editor);
        assertThat(settle(authoring.confirmQuit())).as("dismissed: do not quit").isFalse();

        fx.dialogs.choices.add("Discard");
        assertThat(settle(authoring.closeEditor())).isTrue();
        assertThat(authoring.currentProperty().get()).isNull();
        assertThat(fx.dialogs.shown).allMatch(s -> s.startsWith("choose: Unsaved changes: readings/llava.md has"));
    }

    @Test
    void openingAnotherEditorAsksAboutTheUnsavedChangesOfTheOneOnShow() {
        settle(authoring.editQuestionSet(course.get().questionSet("llava").orElseThrow()));
        ((QuestionSetEditorViewModel) authoring.currentProperty().get()).addQuestion();

        settle(authoring.editQuestionSet(course.get().questionSet("lvm").orElseThrow()));
        assertThat(((QuestionSetEditorViewModel) authoring.currentProperty().get()).document().id()).isEqualTo("llava");

        fx.dialogs.choices.add("Save");
        settle(authoring.editQuestionSet(course.get().questionSet("lvm").orElseThrow()));
        assertThat(((QuestionSetEditorViewModel) authoring.currentProperty().get()).document().id()).isEqualTo("lvm");
    }

    @Test
    void aNewCourseIsWrittenInTheChosenFolderAndOpened() {
        Path target = dir.resolve("new-course");
        fx.dialogs.nextDirectory = Optional.of(target);

        settle(authoring.newCourse());

        assertThat(opened).containsExactly(target.toAbsolutePath().normalize());
        assertThat(CourseLoader.load(target).problems()).isEmpty();
    }

    @Test
    void aFolderWithACourseAlreadyIsRefusedWithAMessage() {
        fx.dialogs.nextDirectory = Optional.of(course.get().root());

        settle(authoring.newCourse());

        assertThat(opened).isEmpty();
        assertThat(fx.dialogs.shown).singleElement().asString().startsWith("error: No new course: ")
                .contains("already has a readings/ or questions/ folder");
    }

    /** Runs the UI queue until the work is done, and gives its result. */
    private <T> T settle(CompletableFuture<T> work) {
        fx.ui.runUntil(work::isDone);
        return work.join();
    }
}
