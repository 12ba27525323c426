package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.cli.CliRun;
import dev.lectern.cli.FakeGrader;
import dev.lectern.course.load.CourseLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchGradeCommandTest {

    private static final String MS = "\\d+\\.\\d\\d ms";

    @TempDir
    Path dir;

    @Test
    void benchGradePrintsLoadTimeFirstGradeAndLatencyWithTheGoals() throws IOException {
        SyntheticCourse.write(dir, 3, 6);

        CliRun run = CliRun.withInput("", new FakeGrader(), "bench", "grade", "--course", dir.toString(),
                "--answers", "50", "--warm-up", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).matches("grader loaded in \\d+ ms");
        assertThat(lines.get(1)).matches("first grade \\d+ ms after JVM start \\(goal < 2000 ms: (met|missed)\\)");
        assertThat(lines.get(2)).isEqualTo("answers: 50, cycling through 30 for the 6 questions of " + dir
                + " (reference answers, shortened ones, alternatives or key points, other questions' answers; each text"
                + " once: repeats are reworded)");
        assertThat(lines.get(3)).matches("warm-up: 10 grades, p50 " + MS + ", p95 " + MS + ", max " + MS);
        assertThat(lines.get(4)).matches("latency: 50 grades, p50 " + MS + ", p95 " + MS + ", max " + MS
                + " \\(goal p95 < 30 ms: (met|missed)\\)");
        // The fake grader marks the reference and alternative answers correct: 2 of every 5 samples, but only as
        // written. The warm-up took samples 1-10; the 50 timed grades are samples 11-30 as written (8 correct) and
        // then all 30 again, reworded because they were graded before (none correct to the fake grader).
        assertThat(lines.get(5)).isEqualTo("verdicts: correct 8, partial 0, incorrect 42, unsure 0");
        assertThat(lines.get(6)).startsWith("processors: ");
    }

    @Test
    void benchGradeCanTimeTheRowsOfACsvFile() throws IOException {
        Path data = Files.writeString(dir.resolve("answers.csv"),
                "question,reference_answer,student_answer\nQ,R,R\nQ,R,wrong\n");

        CliRun run = CliRun.withInput("", new FakeGrader(), "bench", "grade", "--data", data.toString(),
                "--answers", "10", "--warm-up", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Each row once as written (one correct), then reworded, which the fake grader does not accept.
        assertThat(run.out()).contains("answers: 10, cycling through the 2 rows of " + data + " (each text once: repeats are reworded)")
                .contains("verdicts: correct 1, partial 0, incorrect 9")
                .doesNotContain("warm-up");
    }

    @Test
    void courseSamplesAnswerEachQuestionFiveWays() throws IOException {
        SyntheticCourse.write(dir, 2, 2);

        List<BenchGradeCommand.Sample> samples = BenchGradeCommand.courseSamples(CourseLoader.load(dir).course());

        assertThat(samples).hasSize(10);
        BenchGradeCommand.Sample reference = samples.get(0);
        assertThat(reference.answer()).isEqualTo(reference.key().referenceAnswer());
        assertThat(reference.key().referenceAnswer()).startsWith(samples.get(1).answer())
                .startsWith(samples.get(2).answer());
        assertThat(samples.get(1).answer().length()).isLessThan(samples.get(2).answer().length());
        assertThat(samples.get(3).answer()).isEqualTo(reference.key().alternativeAnswers().get(0));
        assertThat(samples.get(4).answer()).isEqualTo(samples.get(5).key().referenceAnswer());
    }

    @Test
    void benchGradeRejectsZeroAnswersAsAUsageError() {
        CliRun run = CliRun.withInput("", new FakeGrader(), "bench", "grade", "--answers", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--answers").contains("Usage: lectern bench grade");
    }
}
