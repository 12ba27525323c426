package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @BeforeEach
    void writeCourse() throws IOException {
        Files.createDirectories(dir.resolve("readings"));
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("readings/numbers.md"), "---\nid: numbers\ntitle: Numbers\nweek: 3\n"
                + "questionSets: [counting]\n---\n\n## Abstract\n\nOn numbers.\n");
        Files.writeString(dir.resolve("readings/letters.md"), "---\nid: letters\ntitle: Letters\nweek: 4\n---\n\n"
                + "## Abstract\n\nOn letters.\n");
        Files.writeString(dir.resolve("questions/counting.json"), """
                {
                  "id": "counting",
                  "title": "Counting",
                  "readings": ["numbers"],
                  "questions": [
                    {"id": "one", "prompt": "What is one?", "referenceAnswer": "One is the first number.",
                     "keyPoints": ["first number", {"text": "a number", "accept": ["numeral"]}]},
                    {"id": "two", "prompt": "What is two?", "referenceAnswer": "Two comes after one."},
                    {"id": "three", "prompt": "What is three?", "referenceAnswer": "Three is two plus one."}
                  ]
                }
                """);
    }

    private CliRun drill(String input, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "drill";
        all[1] = "--course";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.withInput(input, new FakeGrader(), all);
    }

    @Test
    void drillAsksEachQuestionThenGradesTheAnswerAndShowsTheFeedback() {
        CliRun run = drill("One is the first number.\n\n40\n", "--set", "counting");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Loading the grader…" + NL);
        assertThat(run.out()).isEqualTo(String.join(NL,
                "Drill on set counting: 3 questions. Type one answer per line; an empty line skips; end of input"
                        + " (Ctrl+D) ends the drill.",
                "",
                "Question 1 of 3 · Counting",
                "What is one?",
                "> One is the first number.",
                "Score 100/100 · correct",
                "  ✓ first number",
                "  ✗ a number",
                "Graded against: What is one?",
                "Reference answer: One is the first number.",
                "",
                "Question 2 of 3 · Counting",
                "What is two?",
                "> ",
                "Skipped.",
                "Reference answer: Two comes after one.",
                "",
                "Question 3 of 3 · Counting",
                "What is three?",
                "> 40",
                "Score 40/100 · partial",
                "Graded against: What is three?",
                "Reference answer: Three is two plus one.",
                "",
                "Summary: 2 answered, 1 skipped, of 3 questions.",
                "Mean score: 70/100 · 1 correct · 1 partial · 0 incorrect",
                "Weakest key points: “a number” (missed 1 of 1).",
                ""));
    }

    @Test
    void endOfInputEndsTheDrillCleanlyWithTheSummary() {
        CliRun run = drill("75\n", "--reading", "numbers");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Question 2 of 3 · Counting" + NL + "What is two?" + NL + "> " + NL + NL
                + "Summary: 1 answered, 0 skipped, 2 not reached, of 3 questions." + NL
                + "Mean score: 75/100 · 1 correct · 0 partial · 0 incorrect" + NL)
                .doesNotContain("What is three?");
    }

    @Test
    void withNoInputAtAllNothingIsAnsweredAndTheExitCodeIsZero() {
        CliRun run = drill("", "--week", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("Summary: 0 answered, 0 skipped, 3 not reached, of 3 questions." + NL
                + "Nothing answered, so no score." + NL);
    }

    @Test
    void limitCapsTheNumberOfQuestions() {
        CliRun run = drill("1\n2\n3\n", "--limit", "2");

        assertThat(run.out()).startsWith("Drill on the whole course: 2 questions.")
                .contains("Question 2 of 2").doesNotContain("What is three?")
                .contains("Summary: 2 answered, 0 skipped, of 2 questions.");
    }

    @Test
    void anExamGivesNoFeedbackUntilTheEndThenTheResultsAndTheTotal() {
        CliRun run = drill("90\n\n", "--exam", "3", "--seed", "42");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).startsWith("Exam on the whole course: 3 random questions. Grades come at the end.");
        String beforeResults = out.substring(0, out.indexOf(NL + "Results" + NL));
        assertThat(beforeResults).doesNotContain("Score").doesNotContain("Reference answer").doesNotContain("Skipped");
        String results = out.substring(out.indexOf(NL + "Results" + NL));
        assertThat(results).contains("1. What is ").contains("   Score 90/100 · correct")
                .contains("   Skipped.").contains("   Not reached.")
                .contains("Total: 90/300 (30%)")
                .endsWith("Summary: 1 answered, 1 skipped, 1 not reached, of 3 questions." + NL
                        + "Mean score: 90/100 · 1 correct · 0 partial · 0 incorrect" + NL
                        + "Weakest key points: “first number” (missed 1 of 1), “a number” (missed 1 of 1)."
                        + NL);
    }

    @Test
    void anExamWithTheSameSeedAsksTheSameQuestionsInTheSameOrder() {
        String first = drill("", "--exam", "2", "--seed", "7").out();
        String again = drill("", "--exam", "2", "--seed", "7").out();

        assertThat(first).isEqualTo(again).contains("1. What is ").contains("2. What is ");
    }

    @Test
    void anUnknownSetReadingOrWeekIsOneClearMessageAndExitOne() {
        CliRun set = drill("", "--set", "nope");
        CliRun reading = drill("", "--reading", "nope");
        CliRun week = drill("", "--week", "9");
        CliRun noQuestions = drill("", "--week", "4");

        assertThat(set.exitCode()).isEqualTo(1);
        assertThat(set.err()).isEqualTo("lectern: There is no question set \"nope\" in this course. Its sets are:"
                + " counting." + NL);
        assertThat(reading.exitCode()).isEqualTo(1);
        assertThat(reading.err()).contains("There is no reading \"nope\"").contains("letters").contains("numbers");
        assertThat(week.exitCode()).isEqualTo(1);
        assertThat(week.err()).isEqualTo("lectern: No reading of this course is in week 9. Its weeks are: 3, 4." + NL);
        assertThat(noQuestions.exitCode()).isEqualTo(1);
        assertThat(noQuestions.err()).isEqualTo("lectern: There are no questions for week 4." + NL);
        assertThat(set.out() + reading.out() + week.out() + noQuestions.out()).isEmpty();
    }

    @Test
    void setReadingAndWeekExcludeEachOther() {
        CliRun run = drill("", "--set", "counting", "--week", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void aGraderThatCannotLoadEndsTheDrillWithOneMessage() {
        CliRun run = CliRun.run(new CliContext(() -> {
            throw new IllegalStateException("the model file is missing");
        }, () -> new java.io.BufferedReader(new java.io.StringReader("an answer\n")), false,
                java.nio.charset.StandardCharsets.UTF_8), "drill", "--course", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("lectern: The grader could not be loaded: the model file is missing" + NL);
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withoutUnicodeOnTheTerminalTheMarksArePlain() {
        CliRun run = CliRun.run(new CliContext(FakeGrader::new,
                () -> new java.io.BufferedReader(new java.io.StringReader("One is the first number.\n")), false,
                java.nio.charset.StandardCharsets.US_ASCII), "drill", "--course", dir.toString(), "--limit", "1");

        assertThat(run.out()).contains("Question 1 of 1, Counting").contains("  + first number")
                .contains("  - a number");
        assertThat(run.err()).isEqualTo("Loading the grader..." + NL);
    }

    @Test
    void anUnsureGradeIsPrintedAsUnsureWithTheLineToCompareAndCountedInTheSummary() {
        CliRun run = CliRun.withInput("the first number, kind of\n", new FakeGrader().unsureOn("the first number, kind of"),
                "drill", "--course", dir.toString(), "--limit", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(String.join(NL,
                "> the first number, kind of",
                "Score 50/100 · unsure",
                "  ✓ first number",
                "  ✗ a number",
                "Compare with the reference and rate yourself.",
                "Graded against: What is one?",
                "Reference answer: One is the first number."))
                .contains("Mean score: 50/100 · 0 correct · 0 partial · 0 incorrect · 1 unsure");
    }

    @Test
    void aContradictedKeyPointIsMissedWithItsReason() {
        CliRun run = drill("it is not a number\n", "--limit", "1");

        assertThat(run.out()).contains("  ✗ a number (contradicted: the answer says it is not a number)");
    }
}
