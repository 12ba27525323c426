package dev.lectern.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grader with judged examples. {@code grading/grades-without-examples.csv} holds 30 SemEval-2013 training answers
 * (Beetle and SciEntsBank, CC BY-SA 3.0) with the grades the grader gave them before examples existed: without
 * examples the grade must still be exactly that (regenerate the file with {@code lectern grade --batch} when the
 * model is recalibrated).
 */
class JudgedExamplesGradingTest {

    static StandardGrader grader;

    @BeforeAll
    static void load() {
        grader = Graders.standard();
    }

    private static final AnswerKey SWITCH = new AnswerKey("Why does bulb A stay off?", "Because the switch is open.",
            List.of(), List.of());

    @Test
    void withoutExamplesTheGradeIsExactlyTheGradeFromBeforeExamplesExisted() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/grading/grades-without-examples.csv")) {
            MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(30);
        for (Map<String, String> row : rows) {
            List<String> alternatives = List.of(new ObjectMapper().readValue(row.get("alternative_answers"), String[].class));
            AnswerKey key = new AnswerKey(row.get("question"), row.get("reference_answer"), alternatives, List.of(),
                    List.of());
            Grade g = grader.grade(key, row.get("student_answer"));
            // ONNX Runtime's float kernels differ in the last bits between CPUs (AVX2, AVX-512), which can move a
            // score by one point; the verdict and the explanation must not move.
            assertThat(g.score()).as(row.get("student_answer"))
                    .isCloseTo(Integer.parseInt(row.get("score")), org.assertj.core.data.Offset.offset(1));
            assertThat(g.verdict().label() + " " + g.explanation()).as(row.get("student_answer"))
                    .isEqualTo(row.get("verdict") + " " + row.get("explanation"));
        }
    }

    @Test
    void onTheSameMachineAKeyWithAnEmptyListOfExamplesGradesExactlyLikeAKeyWithout() {
        String answer = "the bulb is off because the switch is not closed";
        AnswerKey withEmpty = new AnswerKey(SWITCH.question(), SWITCH.referenceAnswer(), List.of("The switch is open."),
                List.of()).withExamples(List.of());
        AnswerKey without = new AnswerKey(SWITCH.question(), SWITCH.referenceAnswer(), List.of("The switch is open."),
                List.of());
        Grade a = grader.grade(withEmpty, answer);
        Grade b = grader.grade(without, answer);
        assertThat(a.score() + " " + a.verdict() + " " + a.explanation())
                .isEqualTo(b.score() + " " + b.verdict() + " " + b.explanation());
    }

    @Test
    void anAnswerCloseToOneMarkedCorrectIsCorrectAndTheExplanationSaysTheExamplesDecided() {
        AnswerKey key = new AnswerKey("Why does bulb A stay off?", "Because there is no closed path through bulb A.",
                List.of(), List.of());
        String answer = "the switch next to bulb A is open so it is not in a circuit";
        Grade without = grader.grade(key, answer);
        List<JudgedExample> judged = List.of(
                new JudgedExample("the switch by bulb A is open so A is not in a closed circuit", ExampleVerdict.CORRECT,
                        "an open switch breaks the path"),
                new JudgedExample("bulb A is broken", ExampleVerdict.INCORRECT, ""),
                new JudgedExample("the battery is dead", ExampleVerdict.INCORRECT, ""));

        Grade with = grader.grade(key.withExamples(judged), answer);

        assertThat(without.verdict()).isNotEqualTo(Verdict.CORRECT);
        assertThat(with.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(with.score()).isGreaterThan(without.score());
        assertThat(with.explanation()).startsWith("Close to an answer marked correct by your instructor")
                .contains("an open switch breaks the path");
        assertThat(with.signals()).anySatisfy(s -> assertThat(s.name()).isEqualTo("exampleSay"));
    }

    @Test
    void whenTheStudentsOwnOverrideDecidesTheExplanationSaysItWasTheirs() {
        AnswerKey key = new AnswerKey("Why does bulb A stay off?", "Because there is no closed path through bulb A.",
                List.of(), List.of());
        String answer = "the switch next to bulb A is open so it is not in a circuit";
        List<JudgedExample> yours = List.of(
                JudgedExample.yours("the switch by bulb A is open so A is not in a closed circuit",
                        ExampleVerdict.CORRECT),
                JudgedExample.yours("bulb A is broken", ExampleVerdict.INCORRECT));

        Grade with = grader.grade(key.withExamples(yours), answer);

        assertThat(with.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(with.explanation()).startsWith("Close to an answer marked correct by you.");
    }

    @Test
    void anAnswerTheClaimChecksFindContradictingTheReferenceIsNeverMadeCorrect() {
        String answer = "because the switch is closed";
        assertThat(grader.grade(SWITCH, answer).contradicts()).isTrue();
        List<JudgedExample> judged = List.of(
                new JudgedExample("because the switch is closed", ExampleVerdict.CORRECT, ""),
                new JudgedExample("since the switch is closed", ExampleVerdict.CORRECT, ""),
                new JudgedExample("the switch is closed", ExampleVerdict.CORRECT, ""));

        Grade g = grader.grade(SWITCH.withExamples(judged), answer);

        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(g.score()).isLessThan(48);
    }

    @Test
    void closeIncorrectExamplesTurnAnAnswerTheReferenceAloneCallsCorrectAround() {
        AnswerKey key = new AnswerKey("What does the voltage reading of 0 tell you?", "Terminals 1 and 2 are connected",
                List.of(), List.of());
        String answer = "terminal 1 and terminal 2 are connected to the battery";
        assertThat(grader.grade(key, answer).verdict()).isEqualTo(Verdict.CORRECT);
        List<JudgedExample> judged = List.of(
                new JudgedExample("terminal 1 and terminal 2 are connected to the battery terminal", ExampleVerdict.INCORRECT,
                        "connected to the battery is not connected to each other"),
                new JudgedExample("terminals 1 and 2 are connected to the negative battery", ExampleVerdict.INCORRECT, ""),
                new JudgedExample("they are in the same electrical state", ExampleVerdict.CORRECT, ""));

        Grade g = grader.grade(key.withExamples(judged), answer);

        assertThat(g.verdict()).isNotEqualTo(Verdict.CORRECT);
        assertThat(g.explanation()).startsWith("Close to an answer marked incorrect by your instructor");
    }

    @Test
    void farExamplesChangeNothing() {
        String answer = "Because the switch is open.";
        Grade without = grader.grade(SWITCH, answer);
        List<JudgedExample> judged = List.of(new JudgedExample("Photosynthesis turns light into sugar in the leaves.",
                ExampleVerdict.INCORRECT, ""));

        Grade with = grader.grade(SWITCH.withExamples(judged), answer);

        assertThat(with.score()).isEqualTo(without.score());
        assertThat(with.verdict()).isEqualTo(without.verdict());
        assertThat(with.explanation()).isEqualTo(without.explanation());
    }
}
