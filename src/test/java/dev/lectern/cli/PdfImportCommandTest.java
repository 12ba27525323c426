package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.bench.BenchPdfCommand;
import dev.lectern.bench.LectureDeck;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void importPdfCreatesTheReadingAndPrintsASummaryAndTheNotes() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course/readings")).getParent();
        Path pdf = dir.resolve("deck.pdf");
        LectureDeck.write(pdf, 41);

        CliRun run = CliRun.run("import", "pdf", pdf.toString(), "--reading", "lecture-7", "--into", course.toString(),
                "--new-title", "Lecture 7 slides", "--week", "7", "--dpi", "48");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("imported deck.pdf: created readings/lecture-7.md, 41 pages, 41 excerpts,"
                + " 41 images written to readings/images/lecture-7/, 1 page without text \\(40\\), \\d+\\.\\d s");
        assertThat(lines).contains("note: page 40 has no text layer (only images)");
        assertThat(run.err()).isEmpty();
        LoadedCourse loaded = CourseLoader.load(course);
        assertThat(loaded.problems()).isEmpty();
        List<SlideExcerpt> slides = loaded.course().reading("lecture-7").orElseThrow().slides();
        assertThat(slides).hasSize(41);
        assertThat(slides.get(1).title()).isEqualTo("Why multimodal models");
        assertThat(slides.get(1).image()).contains("images/lecture-7/p2.png");
    }

    @Test
    void importPdfSaysWhatIsWrongInOneLineAndExitsOne() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course/readings")).getParent();
        Path notPdf = Files.writeString(dir.resolve("notes.pdf"), "not a pdf");
        Path pdf = dir.resolve("deck.pdf");
        LectureDeck.write(pdf, 2);

        CliRun bad = CliRun.run("import", "pdf", notPdf.toString(), "--reading", "x", "--into", course.toString());
        CliRun missingReading = CliRun.run("import", "pdf", pdf.toString(), "--reading", "x", "--into", course.toString());

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("lectern: notes.pdf is not a PDF (it does not start with %PDF-)." + System.lineSeparator());
        assertThat(missingReading.exitCode()).isEqualTo(1);
        assertThat(missingReading.err()).contains("There is no reading \"x\"").contains("give --week N (and --new-title T).");
        assertThat(course.resolve("readings/x.md")).doesNotExist();
    }

    @Test
    void importPdfWithoutAReadingIsAUsageError() {
        CliRun run = CliRun.run("import", "pdf", "deck.pdf");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--reading");
    }

    @Test
    void benchPdfTimesTheImportAndPerPageFiguresAndComparesWithPopplerWhenItIsThere() {
        CliRun run = CliRun.run("bench", "pdf", "--pages", "6", "--runs", "1", "--dpi", "48");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("file: a generated 6-page lecture deck");
        assertThat(lines.get(1)).matches("lectern: 6 pages, 6 images at 48 dpi, 1 without text; first run \\d+ ms"
                + " \\(cold JVM\\), median \\d+ ms of 1 runs, \\d threads");
        assertThat(lines.get(2)).matches("per page \\(text \\+ drawing \\+ PNG, one thread\\): median [\\d.]+ ms, p95"
                + " [\\d.]+ ms, max [\\d.]+ ms; of all pages' time text \\d+%, drawing \\d+%, PNG \\d+%");
        if (BenchPdfCommand.onPath("pdftoppm").isPresent() && BenchPdfCommand.onPath("pdftotext").isPresent()) {
            assertThat(lines.get(3)).matches("poppler: pdftotext \\+ pdftoppm -r 48 -png: median \\d+ ms of 1 runs"
                    + " \\(pdftotext \\d+ ms\\)");
            assertThat(lines.get(4)).matches("ratio: lectern / poppler = [\\d.]+ \\(goal <= 1: (met|not met)\\)");
        } else {
            assertThat(lines.get(3)).startsWith("poppler: pdftotext and pdftoppm are not installed");
        }
        assertThat(lines.get(lines.size() - 1)).startsWith("processors: ");
    }
}
