package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern export pdf}, {@code anki} and {@code apkg} on the bundled course, through the real command line. */
class ExportCommandTest {

    static final String COURSE = Path.of("").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void exportPdfOfAReadingWritesTheStudySheetAndSaysHowBigItIs() throws Exception {
        Path out = dir.resolve("llava.pdf");

        CliRun run = CliRun.run("export", "pdf", "--reading", "llava", "--out", out.toString(), "--course", COURSE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("Wrote \\d+ pages \\(\\d+ KB\\) to .*llava\\.pdf\\.\\s*");
        assertThat(text(out)).contains("Visual Instruction Tuning", "The authors had the language-only GPT-4 write it.");
    }

    @Test
    void exportPdfOfAWeekWithAnswersHiddenLeavesTheAnswersOut() throws Exception {
        Path out = dir.resolve("week7.pdf");

        CliRun run = CliRun.run("export", "pdf", "--week", "7", "--hide-answers", "--out", out.toString(), "--course",
                COURSE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(text(out)).contains("Where did the visual instruction-following data used to train LLaVA come from?")
                .doesNotContain("The authors had the language-only GPT-4 write it.");
    }

    @Test
    void exportPdfOfAnExamFromTheProgressStoreWritesItsReport() throws Exception {
        Course course = CourseLoader.load(Path.of(COURSE)).course();
        QuestionSet set = course.questionSet("llava").orElseThrow();
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        Exam exam = Exam.start("exam-20260302-1000-beef", "LLaVA", List.of(new DrillItem(set, set.questions().get(0))),
                Optional.empty(), t0).withAnswer(0, "GPT-4 wrote it from captions and boxes.")
                .finished(List.of(new Grade(91, Verdict.CORRECT, List.of(), "Good.", List.of())), t0.plusSeconds(60));
        Path data = dir.resolve("data");
        try (ProgressStore store = ProgressStore.open(data, Clock.systemUTC())) {
            store.exams().save(exam);
        }
        Path out = dir.resolve("exam.pdf");

        CliRun run = CliRun.run("--data-dir", data.toString(), "export", "pdf", "--exam", "latest", "--out",
                out.toString(), "--course", COURSE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(text(out)).contains("Exam report: LLaVA", "GPT-4 wrote it from captions and boxes.",
                "Score: 91 / 100 · Correct", "Total: 91 of 100 points (91%)");

        CliRun unknown = CliRun.run("--data-dir", data.toString(), "export", "pdf", "--exam", "exam-nope", "--out",
                dir.resolve("x.pdf").toString(), "--course", COURSE);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no exam \"exam-nope\"", "exam-20260302-1000-beef (LLaVA)");
    }

    @Test
    void exportAnkiOfASetWritesItsNotes() throws Exception {
        Path out = dir.resolve("llava.txt");

        CliRun run = CliRun.run("export", "anki", "--set", "llava", "--out", out.toString(), "--course", COURSE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("Wrote \\d+ notes \\(\\d+ KB\\) to .*llava\\.txt\\.\\s*");
        assertThat(Files.readAllLines(out)).startsWith("#separator:tab", "#html:true", "#notetype:Basic");
    }

    @Test
    void exportAnkiOfEverySetWritesEveryQuestion() throws Exception {
        Path out = dir.resolve("all.txt");

        CliRun run = CliRun.run("export", "anki", "--all", "--out", out.toString(), "--course", COURSE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        int questions = CourseLoader.load(Path.of(COURSE)).course().questionCount();
        assertThat(Files.readAllLines(out).stream().filter(l -> l.startsWith("lectern-"))).hasSize(questions);
    }

    @Test
    void exportApkgWithProgressWritesAPackageThatImportAnkiGivesBack() throws Exception {
        Course course = CourseLoader.load(Path.of(COURSE)).course();
        QuestionSet set = course.questionSet("llava").orElseThrow();
        Path data = dir.resolve("data");
        try (ProgressStore store = ProgressStore.open(data, Clock.systemUTC())) {
            store.append(new ReviewRecord(new CardKey("llava", set.questions().get(0).id()), Instant.now().minusSeconds(60),
                    FlashcardRating.GOOD, OptionalInt.empty(), Optional.empty(), "", Duration.ofSeconds(5),
                    ReviewMode.REVIEW));
        }
        Path out = dir.resolve("all.apkg");

        CliRun run = CliRun.run("--data-dir", data.toString(), "export", "apkg", "--all", "--with-progress", "--out",
                out.toString(), "--course", COURSE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("Wrote " + course.questionCount() + " notes, with progress \\(\\d+ KB\\) to"
                + " .*all\\.apkg\\.\\s*");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            assertThat(zip.getEntry("collection.anki2")).isNotNull();
        }

        Path into = dir.resolve("into");
        CliRun back = CliRun.run("import", "anki", out.toString(), "--into", into.toString());

        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        Course imported = CourseLoader.load(into).course();
        assertThat(imported.questionSet("llava").orElseThrow().questions()).extracting(Question::id)
                .containsExactlyElementsOf(set.questions().stream().map(Question::id).toList());
        assertThat(imported.questionCount()).isEqualTo(course.questionCount());
    }

    @Test
    void exportApkgOfAReadingWritesItsSetsAndAnUnknownReadingExitsOne() throws Exception {
        Path out = dir.resolve("llava.apkg");

        CliRun run = CliRun.run("export", "apkg", "--reading", "llava", "--out", out.toString(), "--course", COURSE);
        CliRun unknown = CliRun.run("export", "apkg", "--reading", "nope", "--out", dir.resolve("x.apkg").toString(),
                "--course", COURSE);
        CliRun none = CliRun.run("export", "apkg", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Wrote ").doesNotContain("with progress");
        assertThat(Files.size(out)).isPositive();
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no reading \"nope\"");
        assertThat(Files.exists(dir.resolve("x.apkg"))).isFalse();
        assertThat(none.exitCode()).isEqualTo(2);
    }

    @Test
    void unknownReadingsAndSetsExitOneAndUsageErrorsExitTwo() {
        Path out = dir.resolve("x.pdf");

        CliRun reading = CliRun.run("export", "pdf", "--reading", "nope", "--out", out.toString(), "--course", COURSE);
        CliRun set = CliRun.run("export", "anki", "--set", "nope", "--out", out.toString(), "--course", COURSE);
        CliRun both = CliRun.run("export", "pdf", "--reading", "llava", "--week", "7", "--out", out.toString());
        CliRun none = CliRun.run("export", "anki", "--out", out.toString());
        CliRun hidden = CliRun.run("export", "pdf", "--exam", "latest", "--hide-answers", "--out", out.toString(),
                "--course", COURSE);

        assertThat(reading.exitCode()).isEqualTo(1);
        assertThat(reading.err()).contains("There is no reading \"nope\"", "llava");
        assertThat(set.exitCode()).isEqualTo(1);
        assertThat(set.err()).contains("There is no question set \"nope\"");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(hidden.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
