package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.cli.CliRun;
import dev.lectern.course.load.CourseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSearchCommandTest {

    private static final String MS = "\\d+\\.\\d\\d ms";

    @Test
    void benchSearchPrintsTheBuildTimeAndTheLatencyOfTypedQueriesThenDeletesTheCourse() {
        CliRun run = CliRun.run("bench", "search", "--readings", "20", "--questions", "50", "--queries", "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).matches("wrote 20 readings and 50 questions to .+ in \\d+ ms");
        assertThat(lines.get(1)).isEqualTo("loaded 20 readings, 5 question sets, 50 questions: 0 errors, 0 warnings");
        assertThat(lines.get(2)).matches("index built in \\d+ ms");
        assertThat(lines.get(3)).matches("warm-up: 20 queries, p50 " + MS + ", p95 " + MS + ", max " + MS);
        // Every query is typed from the course's own titles, so every one finds something.
        assertThat(lines.get(4)).isEqualTo("queries: 20 typed prefixes, up to 10 hits per kind, 20 with hits");
        assertThat(lines.get(5)).matches("latency: p50 " + MS + ", p95 " + MS + ", max " + MS);
        assertThat(lines.get(6)).startsWith("processors: ");
        Matcher dir = Pattern.compile("to (.+) in \\d+ ms").matcher(lines.get(0));
        assertThat(dir.find()).isTrue();
        assertThat(Files.exists(Path.of(dir.group(1)))).as("the synthetic course is deleted").isFalse();
    }

    @Test
    void benchSearchPercentilesAreOrdered() {
        CliRun run = CliRun.run("bench", "search", "--readings", "20", "--questions", "50", "--queries", "20");

        Matcher m = Pattern.compile("latency: p50 ([\\d.]+) ms, p95 ([\\d.]+) ms, max ([\\d.]+) ms").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        double p50 = Double.parseDouble(m.group(1));
        double p95 = Double.parseDouble(m.group(2));
        double max = Double.parseDouble(m.group(3));
        assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(max);
    }

    @Test
    void typedQueriesGrowOneCharacterAtATimeFromTwoCharacters(@TempDir Path dir) throws Exception {
        SyntheticCourse.write(dir, 3, 0);
        List<String> typed = BenchSearchCommand.typedQueries(CourseLoader.load(dir).course(), 60);

        assertThat(typed).hasSize(60).allSatisfy(q -> assertThat(q).hasSizeGreaterThanOrEqualTo(2));
        assertThat(typed.get(0)).hasSize(2);
        for (int i = 1; i < typed.size(); i++) {
            String previous = typed.get(i - 1);
            String query = typed.get(i);
            assertThat(query.length() == 2 || query.length() == previous.length() + 1 && query.startsWith(previous))
                    .as("%s follows %s", query, previous).isTrue();
        }
        assertThat(typed).anySatisfy(q -> assertThat(q).contains(" "));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(BenchSearchCommand.percentile(sorted, 50)).isEqualTo(5);
        assertThat(BenchSearchCommand.percentile(sorted, 95)).isEqualTo(10);
        assertThat(BenchSearchCommand.percentile(new double[] {3}, 95)).isEqualTo(3);
    }

    @Test
    void benchSearchRejectsZeroQueriesAsAUsageError() {
        CliRun run = CliRun.run("bench", "search", "--queries", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--queries").contains("Usage: lectern bench search");
    }
}
