package dev.lectern.course.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.Problem;
import dev.lectern.course.Question;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgedExamplesLoadTest {

    @TempDir
    Path dir;

    private static final String SET = """
            {
              "id": "good-set",
              "title": "Good questions",
              "readings": ["good"],
              "questions": [
                {
                  "id": "one",
                  "prompt": "What is one?",
                  "referenceAnswer": "One is the first number.",
                  "examples": [
                    { "answer": "the first number", "verdict": "correct" },
                    { "answer": "a number after zero", "verdict": "partial", "note": "says where, not what" },
                    { "answer": "two", "verdict": "wrong" },
                    { "answer": "  ", "verdict": "incorrect" },
                    { "answer": "The  first number", "verdict": "correct" },
                    { "answer": "the last number", "verdict": "incorrect" }
                  ]
                }
              ]
            }
            """;

    @Test
    void examplesLoadWithTheirVerdictsAndNotesAndTheirPlaceInTheFile() {
        CourseFolder course = new CourseFolder(dir).write("questions/good-set.json", SET);

        Question q = course.load().course().questionSet("good-set").orElseThrow().questions().get(0);

        assertThat(q.examples()).extracting(JudgedExample::answer)
                .containsExactly("the first number", "a number after zero", "the last number");
        assertThat(q.examples()).extracting(JudgedExample::verdict)
                .containsExactly(ExampleVerdict.CORRECT, ExampleVerdict.PARTIAL, ExampleVerdict.INCORRECT);
        assertThat(q.examples().get(1).note()).isEqualTo("says where, not what");
        assertThat(q.examples().get(0).line()).isEqualTo(11);
        assertThat(q.examples().get(0).column()).isEqualTo(9);
    }

    @Test
    void anUnknownVerdictAnEmptyAnswerAndADuplicateAreProblemsAtTheirPlaceAndTheRestLoads() {
        CourseFolder course = new CourseFolder(dir).write("questions/good-set.json", SET);

        LoadedCourse loaded = course.load();

        List<String> problems = loaded.problems().stream()
                .map(p -> p.line() + ":" + p.column() + ": " + p.severity().label() + ": " + p.message()).toList();
        assertThat(problems).containsExactly(
                "13:39: error: The example's \"verdict\" should be correct, partial or incorrect, not \"wrong\"; it is"
                        + " ignored.",
                "14:21: error: The example's \"answer\" is empty; it is ignored.",
                "15:21: error: The same answer is already an example of this question (line 11); this one is ignored.");
        assertThat(loaded.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(course.path("questions/good-set.json")));
        assertThat(loaded.course().questionSet("good-set").orElseThrow().questions()).hasSize(1);
        assertThat(loaded.problems()).extracting(Problem::format).allSatisfy(f -> assertThat(f).contains("good-set.json:"));
    }

    @Test
    void aQuestionWithoutExamplesHasNone() {
        Question q = new CourseFolder(dir).load().course().questionSet("good-set").orElseThrow().questions().get(0);

        assertThat(q.examples()).isEmpty();
    }
}
