package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    private static final String HEADER = "question,reference_answer,student_answer,alternative_answers,key_points\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The rows of a CSV file, header first, read back as an RFC 4180 reader sees them. */
    private static List<List<String>> readCsv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void batchWritesOneRowPerInputRowInOrder() throws IOException {
        String rows = IntStream.rangeClosed(1, 40).mapToObj(i -> "Q" + i + ",R" + i + "," + (i * 7 % 101) + ",,\n")
                .collect(Collectors.joining());
        Path in = write("in.csv", HEADER + rows);
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader().slow(1), "grade", "--batch", in.toString(), "--out",
                out.toString(), "--threads", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> written = readCsv(out);
        assertThat(written.get(0)).containsExactly("row", "score", "verdict", "covered", "missed", "explanation");
        assertThat(written).hasSize(41);
        for (int i = 1; i <= 40; i++) {
            int score = i * 7 % 101;
            String verdict = score >= 60 ? "correct" : score >= 30 ? "partial" : "incorrect";
            assertThat(written.get(i)).containsExactly(String.valueOf(i), String.valueOf(score), verdict, "[]", "[]",
                    "Graded against: Q" + i);
        }
        assertThat(run.err()).containsPattern("40 answers graded in [\\d.]+ s .*on 4 threads\\), written to ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void batchGradesTenThousandRowsInOrder() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_000; i++) {
            rows.append("\"Question ").append(i).append(", in full?\",Reference ").append(i).append(',')
                    .append(i % 101).append(",\"[\"\"alt\"\"]\",\"[\"\"kp\"\"]\"\n");
        }
        Path in = write("big.csv", rows.toString());
        Path out = dir.resolve("big-out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> written = readCsv(out);
        assertThat(written).hasSize(10_001);
        for (int i = 1; i <= 10_000; i++) {
            assertThat(written.get(i).subList(0, 2)).containsExactly(String.valueOf(i), String.valueOf(i % 101));
        }
    }

    @Test
    void progressSaysHowFarAndHowLongIsLeft() {
        assertThat(BatchGrading.progress(2500, 10_000, 20_000_000_000L))
                .isEqualTo("graded 2500 of 10000 answers (25%), 125 a second, about 1 min left");
        assertThat(BatchGrading.duration(0.42)).isEqualTo("0.4 s");
        assertThat(BatchGrading.duration(37.4)).isEqualTo("37 s");
        assertThat(BatchGrading.duration(120)).isEqualTo("2 min");
        assertThat(BatchGrading.duration(125)).isEqualTo("2 min 5 s");
    }

    @Test
    void batchReadsQuotedMultiLineFieldsAndWritesThemBackQuoted() throws IOException {
        Path in = write("in.csv", HEADER
                + "\"What, in two lines,\nis \"\"one\"\"?\",One is the first number.,\"one is the first number.\",,\n"
                + "Plain?,Yes.,no,,\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> written = readCsv(out);
        assertThat(written).hasSize(3);
        assertThat(written.get(1)).containsExactly("1", "100", "correct", "[]", "[]",
                "Graded against: What, in two lines,\nis \"one\"?");
        assertThat(written.get(2)).containsExactly("2", "0", "incorrect", "[]", "[]", "Graded against: Plain?");
        assertThat(Files.readString(out)).contains("\"Graded against: What, in two lines,\nis \"\"one\"\"?\"");
    }

    @Test
    void batchReadsAlternativeAnswersAndKeyPointsAsStringsOrObjects() throws IOException {
        Path in = write("in.csv", HEADER
                + "Q,The reference.,Another right answer,\"[\"\"another right answer\"\"]\",\"[\"\"right\"\","
                + " {\"\"text\"\": \"\"correct\"\", \"\"accept\"\": [\"\"another\"\"]}, \"\"missing\"\"]\"\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(readCsv(out).get(1)).containsExactly("1", "100", "correct", "[\"right\",\"correct\"]",
                "[\"missing\"]", "Graded against: Q");
    }

    @Test
    void aBadJsonCellIsReportedAtItsLineAndColumnAndTheRowIsStillGradedWithoutIt() throws IOException {
        Path in = write("in.csv", HEADER
                + "Q1,R1,R1,,\n"
                + "Q2,R2,alt,[alt,\"[\"\"kp\"\"]\"\n"
                + "Q3,R3,\"kp\",,\"{\"\"text\"\": \"\"kp\"\"}\"\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> problems = run.err().lines().filter(l -> l.startsWith(in.toString())).toList();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(in + ":3:11: error: \"alternative_answers\" should be a JSON array of"
                + " strings, such as [\"another answer\"], but it is not valid JSON (").endsWith("); this row is graded"
                + " without it.");
        assertThat(problems.get(1)).isEqualTo(in + ":4:13: error: \"key_points\" should be a JSON array of strings or"
                + " of {\"text\": ..., \"accept\": [...]}, such as [\"main idea\", {\"text\": \"other point\","
                + " \"accept\": [\"another phrasing\"]}], but it is not a JSON array; this row is graded without it.");
        List<List<String>> written = readCsv(out);
        assertThat(written).hasSize(4);
        // Row 2 lost its alternative answers (so "alt" is wrong) but kept its key points.
        assertThat(written.get(2)).containsExactly("2", "0", "incorrect", "[]", "[\"kp\"]", "Graded against: Q2");
        assertThat(written.get(3)).containsExactly("3", "0", "incorrect", "[]", "[]", "Graded against: Q3");
        assertNoStackTrace(run);
    }

    @Test
    void aMissingColumnIsOneMessageAtLineOneAndNothingIsWritten() throws IOException {
        Path in = write("in.csv", "question,reference_answer,answer\nQ,R,A\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(in + ":1:1: error: The header has no \"student_answer\""
                + " column; every row needs the question, the reference answer and the student's answer (or set_id and"
                + " question_id naming a question of the course). Its columns"
                + " are: question, reference_answer, answer.");
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void columnNamesMatchIgnoringCaseAndOtherColumnsAreIgnored() throws IOException {
        Path in = write("in.csv", "\uFEFFId,Question,Reference_Answer,Student_Answer,Notes\n7,Q,R,R,whatever\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(readCsv(out).get(1)).startsWith("1", "100", "correct");
    }

    @Test
    void aRowWithTooFewValuesIsReportedAndGradedWithTheRestEmpty() throws IOException {
        Path in = write("in.csv", HEADER + "Q1,R1\nQ2,R2,R2,,\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(in + ":2:4: error: This row has 2 values but the header names 5 columns;"
                + " the missing ones are taken as empty");
        List<List<String>> written = readCsv(out);
        assertThat(written).hasSize(3);
        assertThat(written.get(1)).startsWith("1", "0", "incorrect");
        assertThat(written.get(2)).startsWith("2", "100", "correct");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheFileStopsMakingSenseAndNothingIsWritten() throws IOException {
        Path in = write("in.csv", HEADER + "Q1,R1,R1,,\n\"Q2,R2,R2,,\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith(in + ":")
                .contains(": error: This is not valid CSV here: Missing closing quote");
        assertThat(out).doesNotExist();
        assertNoStackTrace(run);
    }

    @Test
    void aMissingOrEmptyFileIsOneMessage() throws IOException {
        Path empty = write("empty.csv", "");
        Path out = dir.resolve("out.csv");

        CliRun none = CliRun.withInput("", new FakeGrader(), "grade", "--batch", dir.resolve("nowhere.csv").toString(),
                "--out", out.toString());
        CliRun blank = CliRun.withInput("", new FakeGrader(), "grade", "--batch", empty.toString(), "--out",
                out.toString());

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err().lines()).containsExactly(dir.resolve("nowhere.csv") + ":1:1: error: The file does not"
                + " exist.");
        assertThat(blank.exitCode()).isEqualTo(1);
        assertThat(blank.err()).startsWith(empty + ":1:1: error: The file is empty;");
    }

    @Test
    void anAnswerTheGraderFailsOnGetsARowWithoutAGradeAndTheOutputStillReplacesTheOldFile() throws IOException {
        Path in = write("in.csv", HEADER + "Q1,R1,R1,,\nQ2,R2,boom,,\nQ3,R3,R3,,\n");
        Path out = write("out.csv", "old contents\n");

        CliRun run = CliRun.withInput("", new FakeGrader().failingOn("boom"), "grade", "--batch", in.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(in + ":3:1: error: The grader failed on this row (cannot grade \"boom\");"
                + " its output row has no grade.");
        List<List<String>> written = readCsv(out);
        assertThat(written).hasSize(4);
        assertThat(written.get(2)).containsExactly("2", "", "", "", "", "Not graded: cannot grade \"boom\"");
        assertThat(written.get(3)).startsWith("3", "100", "correct");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.csv", "out.csv");
        }
        assertNoStackTrace(run);
    }

    @Test
    void batchWithoutOutIsAUsageError() throws IOException {
        Path in = write("in.csv", HEADER);

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--batch", in.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--batch needs --out").contains("Usage: lectern grade");
    }

    @Test
    void theStandardGraderMarksTheReferenceAnswerCorrectAndAnEmptyAnswerIncorrect() throws IOException {
        String reference = "The authors had the language-only GPT-4 write it from the captions and boxes of COCO images.";
        Path in = write("in.csv", HEADER + "Where did the data come from?,\"" + reference + "\",\"" + reference
                + "\",,\nWhere did the data come from?,\"" + reference + "\",,,\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.run("grade", "--batch", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> written = readCsv(out);
        assertThat(written.get(1).get(2)).isEqualTo("correct");
        assertThat(written.get(2).get(2)).isEqualTo("incorrect");
    }

    // --eval

    private static final String EVAL = "dataset,question,reference_answer,student_answer,label,score\n"
            + "a,Q,R,90,correct,5\n"
            + "a,Q,R,70,incorrect,3\n"
            + "b,Q,R,40,correct,4\n"
            + "b,Q,R,10,incorrect,1\n";

    @Test
    void evalPrintsAccuracyWeightedF1AucAndPearsonAgainstTheGoldColumns() throws IOException {
        Path in = write("eval.csv", EVAL);

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--eval", in.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("4 answers graded in [\\d.]+ s \\([\\d.]+ ms each on \\d+ threads?\\);"
                + " grader loaded in [\\d.]+ s");
        // Predicted correct: 90 and 70. Gold: T F T F. Accuracy 2/4; F1 of each class 1/2; AUC: 90 beats both
        // negatives, 40 beats 10 but not 70: 3/4. Pearson r of (5, 3, 4, 1) and (90, 70, 40, 10): 147.5 / sqrt(8.75 * 3675).
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "verdicts: correct 2, partial 1, incorrect 1, unsure 0",
                "label: \"correct\" is positive; predicted positive = verdict correct; AUC from the score; \"right"
                        + " when correct\" = share of the answers graded correct that are labelled correct",
                "columns correct% partial% incorrect% unsure% are the shares of each verdict in the group",
                "score: Pearson r between the gold score and the grade's score (0-100)",
                "           n  correct% partial%  incor.%  unsure%  accuracy    wtd F1  ROC AUC right/cor 3-way F1"
                        + "  Pearson r",
                "all        4      50.0     25.0     25.0      0.0     0.500     0.500    0.750     0.500        -"
                        + "      0.823");
    }

    @Test
    void evalGroupByPrintsTheFiguresOfEachGroup() throws IOException {
        Path in = write("eval.csv", EVAL);

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--eval", in.toString(), "--group-by", "dataset");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // a: gold T F, predicted T T -> accuracy 1/2, F1 (1 * 2/3 + 1 * 0) / 2; b: gold T F, predicted F F.
        assertThat(run.out()).endsWith(String.join(System.lineSeparator(),
                "all        4      50.0     25.0     25.0      0.0     0.500     0.500    0.750     0.500        -"
                        + "      0.823",
                "a          2     100.0      0.0      0.0      0.0     0.500     0.333    1.000     0.500        -"
                        + "      1.000",
                "b          2       0.0     50.0     50.0      0.0     0.500     0.333    1.000         -        -"
                        + "      1.000") + System.lineSeparator());
    }

    @Test
    void evalWithOnlyALabelColumnPrintsNoPearsonAndLeavesOutRowsWithoutALabel() throws IOException {
        Path in = write("eval.csv", "question,reference_answer,student_answer,label\nQ,R,90,correct\nQ,R,10,\n"
                + "Q,R,20,contradictory\n");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--eval", in.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(in + ":3:8: error: The gold \"label\" is empty; this row is left out of"
                + " accuracy, F1 and AUC.");
        assertThat(run.out()).contains("3-way macro-F1 over correct / contradictory / incorrect")
                .doesNotContain("Pearson")
                .contains("all        3      50.0      0.0     50.0      0.0     1.000     1.000    1.000     1.000    0.333");
    }

    @Test
    void evalWithoutAGoldColumnSaysWhatItNeeds() throws IOException {
        Path in = write("eval.csv", "question,reference_answer,student_answer\nQ,R,A\n");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--eval", in.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(in + ":1:1: error: The header has no \"score\" or \"label\""
                + " columns; --eval compares the grades with a gold \"score\" (a number) or \"label\" (correct or not)"
                + " column. Its columns are: question, reference_answer, student_answer.");
    }

    @Test
    void evalCanAlsoWriteTheGrades() throws IOException {
        Path in = write("eval.csv", EVAL);
        Path out = dir.resolve("grades.csv");

        CliRun run = CliRun.withInput("", new FakeGrader(), "grade", "--eval", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(readCsv(out)).hasSize(5);
        assertThat(run.err()).endsWith("grades written to " + out + System.lineSeparator());
        assertThat(run.out()).contains("all        4");
    }
}
