package dev.lectern.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Verdict;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study sheets and exam reports written to real files and read back with PDFBox's text extraction. */
class PdfExporterTest {

    static final String LLAVA_ABSTRACT_SENTENCE = "Data, code and weights were released.";
    static final String LLAVA_QUESTION = "Where did the visual instruction-following data used to train LLaVA come from?";
    static final String LLAVA_ANSWER = "The authors had the language-only GPT-4 write it.";

    static Course bundled;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadBundledCourse() {
        bundled = ExportFixtures.bundled();
    }

    @Test
    void aStudySheetOfTheLlavaReadingHasItsTitleAbstractSlidesQuestionsAndAnswers() throws Exception {
        Path out = dir.resolve("llava.pdf");

        PdfExporter.Result result = new PdfExporter(bundled).exportReading("llava", false, out);

        String text = ExportFixtures.text(out);
        assertThat(text).contains("Visual Instruction Tuning", "Haotian Liu, Chunyuan Li", "NeurIPS 2023",
                "Week 7, session 1: Tuesday: Multimodal / Vision FM", "https://arxiv.org/abs/2304.08485",
                LLAVA_ABSTRACT_SENTENCE, "Where the training data comes from", "Two training stages",
                LLAVA_QUESTION, LLAVA_ANSWER, "captions and bounding boxes as input", "page 1 of " + result.pages());
        assertThat(result.pages()).isGreaterThan(1).isEqualTo(ExportFixtures.pages(out));
        assertThat(result.bytes()).isEqualTo(Files.size(out));
    }

    @Test
    void withAnswersHiddenTheQuestionsStayAndTheAnswersGo() throws Exception {
        Path out = dir.resolve("llava-self-test.pdf");

        new PdfExporter(bundled).exportReading("llava", true, out);

        String text = ExportFixtures.text(out);
        assertThat(text).contains(LLAVA_QUESTION, LLAVA_ABSTRACT_SENTENCE)
                .doesNotContain(LLAVA_ANSWER, "captions and bounding boxes as input");
    }

    @Test
    void aStudySheetOfWeekSevenHasEveryReadingOfTheWeekEachFromANewPage() throws Exception {
        Path out = dir.resolve("week7.pdf");

        PdfExporter.Result result = new PdfExporter(bundled).exportWeek(7, false, out);

        String text = ExportFixtures.text(out);
        assertThat(text).contains("Week 7: Vision and multimodal foundation models", "Visual Instruction Tuning",
                LLAVA_QUESTION, LLAVA_ANSWER);
        for (var reading : bundled.readingsOfWeek(7)) {
            assertThat(text).contains(reading.title().replaceAll("\\s+", " "));
        }
        assertThat(result.pages()).isGreaterThan(bundled.readingsOfWeek(7).size());
    }

    @Test
    void accentsGreekLettersAndMathSymbolsRoundTripAndMissingGlyphsBecomeAPlaceholder() throws Exception {
        Course course = ExportFixtures.nonAscii(dir);
        Path out = dir.resolve("unicode.pdf");

        PdfExporter.Result result = new PdfExporter(course).exportReading("unicode", false, out);

        String text = ExportFixtures.text(out);
        assertThat(text).contains("Müller's é-gradient: α≤β, Σ → ∞", "Jürgen Müller, Zoë Núñez", "Conférence",
                "Müller shows that α≤β implies Σ → ∞ for every é and ñ", "bold ü", "italic ø", "Ölberg slide",
                "code ≥ 1", "Why does α≤β matter to Müller?", "Because Σ grows → ∞ when α≤β, as Müller shows for é.",
                "Ümlaut questions", "item two with").doesNotContain("$x^2$");
        assertThat(text).contains(PdfFonts.PLACEHOLDER + PdfFonts.PLACEHOLDER + " has no glyph");
        assertThat(result.notes()).anyMatch(n -> n.contains("2 characters have no glyph"));
    }

    @Test
    void theFontsAreEmbeddedDejaVuSubsets() throws Exception {
        Path out = dir.resolve("llava.pdf");
        new PdfExporter(bundled).exportReading("llava", false, out);

        List<PDFont> fonts = ExportFixtures.fonts(out);

        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).contains("DejaVu");
        });
    }

    @Test
    void slideImagesAreDrawnOnThePageAndAMissingImageIsANoteNotAFailure() throws Exception {
        Course course = ExportFixtures.nonAscii(dir);
        Path out = dir.resolve("unicode.pdf");

        PdfExporter.Result result = new PdfExporter(course).exportReading("unicode", false, out);

        // The slide's image, and the formula $x^2$ of a reference answer.
        assertThat(ExportFixtures.images(out)).hasSize(2).contains("120x80");
        assertThat(ExportFixtures.text(out)).contains("[image: images/missing.png — not found]", "Nothing to see.");
        assertThat(result.notes()).anyMatch(n -> n.contains("images/missing.png was not found"));
    }

    @Test
    void anExamReportShowsEachAnswerItsScoreAndVerdictTheReferenceAnswerAndTheTotal() throws Exception {
        Course course = ExportFixtures.nonAscii(dir);
        QuestionSet set = course.questionSet("unicode-set").orElseThrow();
        List<DrillItem> items = set.questions().stream().map(q -> new DrillItem(set, q)).toList();
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        Question greek = items.get(0).question();
        Grade good = new Grade(88, Verdict.CORRECT, List.of(new KeyPointResult(greek.keyPoints().get(0), true, 0.9,
                List.of()), new KeyPointResult(greek.keyPoints().get(1), false, 0.2, List.of())),
                "Covers the divergence.", List.of());
        Grade none = new Grade(0, Verdict.INCORRECT, List.of(), "No answer given.", List.of());
        Exam exam = Exam.start("exam-20260302-1000-abcd", "Week 3", items, Optional.of(Duration.ofMinutes(15)), t0)
                .withAnswer(0, "Σ diverges to ∞ when α≤β.")
                .finished(List.of(good, none), t0.plusSeconds(245));
        Path out = dir.resolve("exam.pdf");

        new PdfExporter(course).exportExam(exam, ZoneOffset.UTC, out);

        String text = ExportFixtures.text(out);
        assertThat(text).contains("Exam report: Week 3", "Started: 2 March 2026, 10:00", "Time used: 4:05 of 15:00",
                "Total: 88 of 200 points (44%) · 1 correct · 0 partial · 1 incorrect",
                "1. Why does α≤β matter to Müller?", "Σ diverges to ∞ when α≤β.", "Score: 88 / 100 · Correct",
                "Covers the divergence.", "Σ diverges (covered)", "α≤β (missed)",
                "Because Σ grows → ∞ when α≤β, as Müller shows for é.", "Score: 0 / 100 · Incorrect",
                "No answer given.", "Line one.", "item one");
    }

    @Test
    void anUnfinishedExamIsReportedAsNotMarked() throws Exception {
        Course course = ExportFixtures.nonAscii(dir);
        QuestionSet set = course.questionSet("unicode-set").orElseThrow();
        Exam exam = Exam.start("exam-1", "Week 3", List.of(new DrillItem(set, set.questions().get(0))),
                Optional.empty(), Instant.parse("2026-03-02T10:00:00Z")).withAnswer(0, "Half an answer");
        Path out = dir.resolve("exam.pdf");

        new PdfExporter(course).exportExam(exam, ZoneOffset.UTC, out);

        assertThat(ExportFixtures.text(out)).contains("not marked yet", "Half an answer").doesNotContain("Score:");
    }

    @Test
    void anExportReplacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path out = dir.resolve("sheets/llava.pdf");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old contents");

        new PdfExporter(bundled).exportReading("llava", false, out);

        assertThat(Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void anUnknownReadingOrWeekIsRefusedWithWhatThereIs() {
        PdfExporter exporter = new PdfExporter(bundled);

        assertThatThrownBy(() -> exporter.exportReading("nope", false, dir.resolve("x.pdf")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("llava");
        assertThatThrownBy(() -> exporter.exportWeek(99, false, dir.resolve("x.pdf")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("7");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
