package dev.lectern.ui.editor.questionset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.TestCourses;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.editor.HeldBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving writes the file on the background executor, never on the UI thread: meanwhile the editor says it is saving,
 * and what happens to the edits made during the save, or to a save that fails, is what the student sees.
 */
class SavingInTheBackgroundTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    final HeldBackground background = new HeldBackground();
    Path course;
    Path file;
    final AtomicInteger saves = new AtomicInteger();
    QuestionSetEditorViewModel editor;

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
        file = course.resolve("questions/llava.json");
        DrillServices services = new DrillServices(grading, fx.progress, fx.dialogs, background, fx.ui, fx.clock);
        editor = QuestionSetEditorViewModel.OPENER.open(services, course, file, new SimpleObjectProperty<>(Theme.LIGHT),
                saves::incrementAndGet);
    }

    private int questionsOnDisk() throws Exception {
        return new ObjectMapper().readTree(Files.readAllBytes(file)).get("questions").size();
    }

    /** Lets the background run and the UI queue apply what it hands back, until the work is done. */
    private <T> T finish(CompletableFuture<T> work) {
        fx.ui.runUntil(() -> {
            background.runAll();
            return work.isDone();
        });
        return work.join();
    }

    @Test
    void theFileIsWrittenInTheBackgroundWhileTheEditorSaysItIsSaving() throws Exception {
        editor.addQuestion();

        CompletableFuture<Boolean> saving = editor.save();

        assertThat(saving).isNotDone();
        assertThat(editor.savingProperty().get()).isTrue();
        assertThat(editor.statusProperty().get()).isEqualTo("Saving questions/llava.json…");
        assertThat(questionsOnDisk()).as("nothing written on the caller's thread").isEqualTo(11);
        assertThat(editor.save()).as("a second Save while saving is the same save").isSameAs(saving);

        assertThat(finish(saving)).isTrue();

        assertThat(questionsOnDisk()).isEqualTo(12);
        assertThat(editor.savingProperty().get()).isFalse();
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.statusProperty().get()).isEqualTo("Saved questions/llava.json.");
        assertThat(saves).hasValue(1);
    }

    @Test
    void editsMadeWhileTheSaveIsUnderWayStayUnsaved() throws Exception {
        editor.addQuestion();
        CompletableFuture<Boolean> saving = editor.save();

        editor.promptProperty().set("Typed while saving");
        assertThat(finish(saving)).isTrue();

        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.titleProperty().get()).startsWith("• ");
        editor.undo();
        assertThat(editor.dirtyProperty().get()).as("back to what was saved").isFalse();
    }

    @Test
    void aSaveThatFailsSaysSoAndKeepsTheChanges() throws Exception {
        // The backup of the old file cannot be made where a file stands in for the folder.
        Files.writeString(course.resolve(".lectern"), "not a folder");
        editor.addQuestion();

        assertThat(finish(editor.save())).isFalse();

        assertThat(fx.dialogs.shown).last().asString().startsWith("error: Not saved: llava.json could not be saved:")
                .endsWith("Your changes are still here.");
        assertThat(editor.savingProperty().get()).isFalse();
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(questionsOnDisk()).isEqualTo(11);
        assertThat(saves).hasValue(0);
    }

    @Test
    void closingWithUnsavedChangesWaitsForTheSaveItAskedFor() throws Exception {
        editor.addQuestion();
        fx.dialogs.choices.add("Save");

        CompletableFuture<Boolean> mayClose = editor.confirmClose();

        assertThat(mayClose).as("not before the file is written").isNotDone();
        assertThat(finish(mayClose)).isTrue();
        assertThat(questionsOnDisk()).isEqualTo(12);
    }
}
