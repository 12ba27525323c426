package dev.lectern.ui.editor.questionset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.Question;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.TestCourses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Keep as example" and the list of a question's judged examples, without a window. */
class KeepingExamplesTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    Path course;
    Path file;
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
        editor = QuestionSetEditorViewModel.OPENER.open(fx.services(grading), course, file,
                new SimpleObjectProperty<>(Theme.LIGHT), () -> { });
    }

    private JsonNode examplesOnDisk(int question) throws Exception {
        return new ObjectMapper().readTree(Files.readAllBytes(file)).get("questions").get(question).get("examples");
    }

    @Test
    void aTriedAnswerKeptAsAnExampleTakesTheGradersVerdictIsSavedAndLoadsWithTheQuestion() throws Exception {
        editor.select(1);
        editor.sampleAnswerProperty().set("Something else entirely.");
        editor.tryAnswer();
        fx.ui.runUntil(() -> editor.trialProperty().get() != null && editor.trialProperty().get().grade().isPresent());
        assertThat(editor.exampleVerdictProperty().get()).isEqualTo(ExampleVerdict.INCORRECT);

        assertThat(editor.keepAsExample()).isTrue();

        assertThat(editor.examples()).containsExactly(
                new JudgedExample("Something else entirely.", ExampleVerdict.INCORRECT, ""));
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(settle(editor.save())).isTrue();
        JsonNode examples = examplesOnDisk(1);
        assertThat(examples).hasSize(1);
        assertThat(examples.get(0).get("answer").asText()).isEqualTo("Something else entirely.");
        assertThat(examples.get(0).get("verdict").asText()).isEqualTo("incorrect");
        Question loaded = CourseLoader.load(course).course().questionSet("llava").orElseThrow().questions().get(1);
        assertThat(loaded.examples()).extracting(JudgedExample::answer).containsExactly("Something else entirely.");
    }

    @Test
    void theAuthorsVerdictWinsAndTheSameAnswerIsNotKeptTwice() {
        editor.sampleAnswerProperty().set("GPT-4 wrote it from captions.");
        editor.exampleVerdictProperty().set(ExampleVerdict.PARTIAL);

        assertThat(editor.keepAsExample()).isTrue();
        editor.sampleAnswerProperty().set("  gpt-4 wrote it   from captions. ");
        assertThat(editor.keepAsExample()).isFalse();
        editor.sampleAnswerProperty().set("   ");
        assertThat(editor.keepAsExample()).isFalse();

        assertThat(editor.examples()).extracting(JudgedExample::verdict).containsExactly(ExampleVerdict.PARTIAL);
        assertThat(QuestionSetEditorViewModel.exampleLabel(editor.examples().get(0)))
                .isEqualTo("partial · GPT-4 wrote it from captions.");
    }

    @Test
    void deletingAnExampleRemovesItAndUndoBringsItBackInItsPlace() throws Exception {
        editor.sampleAnswerProperty().set("first answer");
        editor.keepAsExample();
        editor.sampleAnswerProperty().set("second answer");
        editor.exampleVerdictProperty().set(ExampleVerdict.INCORRECT);
        editor.keepAsExample();

        editor.deleteExample(0);
        assertThat(editor.examples()).extracting(JudgedExample::answer).containsExactly("second answer");

        editor.undo();
        assertThat(editor.examples()).extracting(JudgedExample::answer).containsExactly("first answer", "second answer");
        editor.redo();
        editor.deleteExample(0);
        assertThat(editor.examples()).isEmpty();
        assertThat(settle(editor.save())).isTrue();
        assertThat(examplesOnDisk(0)).as("the key goes with the last example").isNull();
    }

    @Test
    void eachQuestionShowsItsOwnExamples() {
        editor.sampleAnswerProperty().set("an answer to the first");
        editor.keepAsExample();

        editor.select(2);
        assertThat(editor.examples()).isEmpty();
        editor.select(0);
        assertThat(editor.examples()).hasSize(1);
    }

    private <T> T settle(CompletableFuture<T> work) {
        fx.ui.runUntil(work::isDone);
        return work.join();
    }
}
