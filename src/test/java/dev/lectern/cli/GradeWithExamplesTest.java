package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import dev.lectern.grading.Verdict;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern grade --examples} and {@code --examples-from-eval}, with a grader that tells what examples it got. */
class GradeWithExamplesTest {

    @TempDir
    Path dir;

    /** Grades 100 (correct) an answer with a correct example, else 0; the explanation lists the examples it was given. */
    static final Grader TELLING = (key, answer) -> {
        boolean correct = key.examples().stream().anyMatch(e -> e.verdict().key().equals("correct"));
        return new Grade(correct ? 100 : 0, correct ? Verdict.CORRECT : Verdict.INCORRECT, List.of(),
                key.examples().stream().map(e -> e.verdict().key() + ":" + e.answer()).collect(Collectors.joining(";")),
                List.of());
    };

    private CliRun run(String... args) {
        return CliRun.run(new CliContext(() -> TELLING, () -> new BufferedReader(new StringReader("")), false,
                StandardCharsets.UTF_8), args);
    }

    @Test
    void judgedRowsBecomeExamplesOfTheirQuestionByIdAndUnmatchedRowsAreReportedAndIgnored() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, """
                question_id,question,reference_answer,student_answer
                q1,What is one?,The first number,one is first
                q2,What is two?,The second number,two is second
                """);
        Path judged = dir.resolve("judged.csv");
        Files.writeString(judged, """
                question_id,student_answer,label,score
                q1,the first one,correct,
                q1,one is first,incorrect,
                q2,after one,,3
                q9,lost,correct,
                q2,,correct,
                """);
        Path out = dir.resolve("out.csv");

        CliRun run = run("grade", "--batch", in.toString(), "--examples", judged.toString(), "--out", out.toString(),
                "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(1)).as("the same answer text is never its own example")
                .endsWith(",correct:the first one");
        assertThat(lines.get(2)).endsWith(",partial:after one");
        assertThat(run.err()).contains(judged + ":5:1: warning: This judged row matches no question of in.csv (by"
                + " question_id); it is ignored.")
                .contains(judged + ":6:1: warning: This judged row has no student_answer; it is no example.");
    }

    @Test
    void withoutQuestionIdsRowsMatchByTheQuestionsText() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "question,reference_answer,student_answer\nWhat is one?,The first number,first\n");
        Path judged = dir.resolve("judged.csv");
        Files.writeString(judged, "question,student_answer,label\n  what is  ONE?,the first one,correct\n");
        Path out = dir.resolve("out.csv");

        CliRun run = run("grade", "--batch", in.toString(), "--examples", judged.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).endsWith(",correct:the first one");
    }

    @Test
    void examplesFromTheEvaluatedFileLeaveEachAnswerOutOfItsOwnExamplesAndPrintBothFigures() throws Exception {
        Path in = dir.resolve("eval.csv");
        Files.writeString(in, """
                question_id,question,reference_answer,student_answer,label
                q1,What is one?,The first number,a,correct
                q1,What is one?,The first number,b,incorrect
                q1,What is one?,The first number,c,incorrect
                q2,What is two?,The second number,d,correct
                q2,What is two?,The second number,e,correct
                """);

        CliRun run = run("grade", "--eval", in.toString(), "--examples-from-eval", "1,all", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("examples: 1 judged answer per question (chosen with seed 2013; those rows left out)")
                .contains("examples: every other answer of its question");
        // leave one out: a (correct) sees only incorrect examples, b and c see a, d and e see each other
        String all = out.substring(out.indexOf("examples: every other"));
        String with = all.substring(all.indexOf("with the examples:"));
        assertThat(with).containsPattern("all\\s+5\\s+80\\.0\\s+0\\.0\\s+20\\.0\\s+0\\.0\\s+0\\.400");
        assertThat(run("grade", "--batch", in.toString(), "--examples-from-eval", "1", "--out",
                dir.resolve("o.csv").toString()).exitCode()).isEqualTo(2);
    }
}
