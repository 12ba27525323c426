package dev.lectern.interchange.pdf;

import static dev.lectern.interchange.pdf.TestPdfs.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lectern.bench.LectureDeck;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.files.StrangeFiles;
import dev.lectern.interchange.pdf.PdfImportResult.Outcome;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfImporterTest {

    private static final String EXISTING = """
            ---
            id: llava
            title: Visual Instruction Tuning
            week: 7
            ---

            ## Abstract

            LLaVA connects a vision encoder to a language model.

            ## Slides

            ### An old excerpt {page=1}

            Written by hand.

            ## Notes

            Compare with BLIP-2.
            """;

    @TempDir
    Path dir;
    Path course;
    Path reading;

    @BeforeEach
    void course() throws Exception {
        course = Files.createDirectories(dir.resolve("course"));
        Files.createDirectories(course.resolve("readings"));
        reading = course.resolve("readings/llava.md");
        Files.writeString(reading, EXISTING);
    }

    private PdfImportResult importInto(Path pdf, String id) {
        return new PdfImporter().run(PdfImportRequest.of(pdf, course, id));
    }

    private static List<SlideExcerpt> slides(Path course, String id) {
        LoadedCourse loaded = CourseLoader.load(course);
        assertThat(loaded.problems()).as("problems after the import").isEmpty();
        return loaded.course().reading(id).orElseThrow().slides();
    }

    @Test
    void eachPageBecomesAnExcerptWithItsTextInReadingOrder() throws Exception {
        // The second line is drawn before the first: reading order is by position, not drawing order.
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), List.of(
                List.of(text(72, 700, 24, "First slide"), text(72, 600, 12, "comes second"),
                        text(72, 640, 12, "This line comes first")),
                List.of(text(72, 700, 24, "Second slide"), text(72, 640, 12, "Left"), text(300, 640, 12, "right")),
                List.of(text(72, 700, 24, "Third slide"), text(72, 640, 12, "The end."))));

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.IMPORTED);
        List<SlideExcerpt> slides = slides(course, "llava");
        assertThat(slides).extracting(SlideExcerpt::title).containsExactly("First slide", "Second slide", "Third slide");
        assertThat(slides).extracting(s -> s.page().getAsInt()).containsExactly(1, 2, 3);
        assertThat(slides.get(0).markdown()).isEqualTo("This line comes first\n\ncomes second");
        assertThat(slides.get(1).markdown()).isEqualTo("Left right");
        assertThat(result.message()).isEqualTo(
                "Imported deck.pdf into readings/llava.md: 3 pages, 3 excerpts, 3 images, every page with text.");
    }

    @Test
    void theTitleIsTheFirstLineOfTheLargestTextNotTheFirstLineOfThePage() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), List.of(
                List.of(text(72, 740, 10, "Part 2 · Models"), text(72, 700, 28, "Visual instruction"),
                        text(72, 668, 28, "tuning"), text(72, 600, 14, "Body text under the title."),
                        text(72, 560, 20, "A smaller heading later"))));

        importInto(pdf, "llava");

        SlideExcerpt slide = slides(course, "llava").get(0);
        assertThat(slide.title()).isEqualTo("Visual instruction tuning");
        assertThat(slide.markdown()).isEqualTo("Part 2 · Models\n\nBody text under the title.\n\nA smaller heading later");
    }

    @Test
    void headersAndFootersRepeatedOnMostPagesAreDropped() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), TestPdfs.pagesWithHeaderAndFooter(5));

        importInto(pdf, "llava");

        List<SlideExcerpt> slides = slides(course, "llava");
        assertThat(slides).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(slides.get(i).title()).isEqualTo("Slide title " + (i + 1));
            assertThat(slides.get(i).markdown()).isEqualTo("Body text of slide " + (i + 1) + ".");
        }
    }

    @Test
    void wordsHyphenatedAtALineEndAreJoinedButRealHyphensStay() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), List.of(List.of(
                text(72, 700, 24, "Hyphens"),
                text(72, 650, 12, "Large multi-"),
                text(72, 636, 12, "modal models do text-to-video and"),
                text(72, 622, 12, "image-to-"),
                text(72, 608, 12, "video generation."))));

        importInto(pdf, "llava");

        assertThat(slides(course, "llava").get(0).markdown())
                .isEqualTo("Large multimodal models do text-to-video and image-to-video generation.");
    }

    @Test
    void ligaturesAreUnfolded() throws Exception {
        Path pdf = TestPdfs.writeWithLigatures(dir.resolve("ligatures.pdf"));

        importInto(pdf, "llava");

        SlideExcerpt slide = slides(course, "llava").get(0);
        assertThat(slide.title()).isEqualTo("Ligatures");
        assertThat(slide.markdown()).isEqualTo("efficient floor effect office raffle fish");
    }

    @Test
    void bulletsBecomeListItemsAndMarkdownInTheTextIsEscaped() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), List.of(List.of(
                text(72, 700, 24, "Results"),
                text(72, 650, 14, "• Accuracy goes up with scale,"),
                text(86, 632, 14, "and so does the cost"),
                text(72, 600, 14, "• 2x faster than [12]"),
                text(72, 560, 12, "## not a heading, *not* emphasis, $x$ is not math"),
                text(72, 530, 12, "Page 4 {draft}"))));

        importInto(pdf, "llava");

        List<SlideExcerpt> slides = slides(course, "llava");
        assertThat(slides).hasSize(1);
        assertThat(slides.get(0).markdown()).isEqualTo("- Accuracy goes up with scale, and so does the cost\n"
                + "- 2x faster than \\[12\\]\n\n"
                + "\\## not a heading, \\*not\\* emphasis, \\$x\\$ is not math\n\n"
                + "Page 4 \\{draft\\}");
    }

    @Test
    void thumbnailsArePngsOfThePageSizeAtTheGivenDpiAndRotatedPagesAreDrawnTurned() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), List.of(
                List.of(text(72, 700, 24, "Upright")),
                List.of(text(72, 700, 24, "Turned a quarter"), text(72, 650, 12, "Text on a rotated page."))),
                doc -> doc.getPage(1).setRotation(90));

        PdfImportResult result = new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava").withDpi(144));

        assertThat(result.imagesWritten()).isEqualTo(2);
        BufferedImage upright = ImageIO.read(course.resolve("readings/images/llava/p1.png").toFile());
        BufferedImage turned = ImageIO.read(course.resolve("readings/images/llava/p2.png").toFile());
        assertThat(Files.readAllBytes(course.resolve("readings/images/llava/p1.png")))
                .startsWith(0x89, 'P', 'N', 'G');
        // Letter is 612 × 792 pt: 8.5 × 11 in, at 144 dpi 1224 × 1584 px.
        assertThat(upright.getWidth()).isEqualTo(1224);
        assertThat(upright.getHeight()).isEqualTo(1584);
        assertThat(turned.getWidth()).isEqualTo(1584);
        assertThat(turned.getHeight()).isEqualTo(1224);
        List<SlideExcerpt> slides = slides(course, "llava");
        assertThat(slides.get(0).image()).contains("images/llava/p1.png");
        assertThat(slides.get(1).title()).isEqualTo("Turned a quarter");
        assertThat(slides.get(1).markdown()).isEqualTo("Text on a rotated page.");
    }

    @Test
    void aPageWithOnlyAnImageSaysItHasNoTextLayer() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("scan.pdf"), List.of(List.of(text(72, 700, 24, "Before the scan"))),
                TestPdfs::addImageOnlyPage);

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.imported()).isTrue();
        assertThat(result.pagesWithoutText()).containsExactly(2);
        assertThat(result.notes()).containsExactly("page 2 has no text layer (only images)");
        assertThat(result.message()).endsWith("2 pages, 2 excerpts, 2 images, 1 page without text.");
        SlideExcerpt scan = slides(course, "llava").get(1);
        assertThat(scan.title()).isEmpty();
        assertThat(scan.markdown()).isEmpty();
        assertThat(scan.image()).contains("images/llava/p2.png");
        assertThat(scan.page()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void excerptsReplaceThoseOfAnExistingReadingAndKeepEverythingElse() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), TestPdfs.pagesWithHeaderAndFooter(3));

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.readingCreated()).isFalse();
        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.readingFile()).contains(reading);
        Reading loaded = CourseLoader.load(course).course().reading("llava").orElseThrow();
        assertThat(loaded.title()).isEqualTo("Visual Instruction Tuning");
        assertThat(loaded.abstractMarkdown()).isEqualTo("LLaVA connects a vision encoder to a language model.");
        assertThat(loaded.notesMarkdown()).isEqualTo("Compare with BLIP-2.");
        assertThat(loaded.slides()).extracting(SlideExcerpt::title)
                .containsExactly("Slide title 1", "Slide title 2", "Slide title 3");
        assertThat(loaded.slides()).extracting(s -> s.image().orElseThrow())
                .containsExactly("images/llava/p1.png", "images/llava/p2.png", "images/llava/p3.png");
        assertThat(Files.readString(reading)).contains("### Slide title 2 {page=2 image=images/llava/p2.png}");
        assertThat(Files.exists(course.resolve(".lectern/backups/readings"))).as("a backup of the old reading").isTrue();
    }

    @Test
    void appendingKeepsTheExcerptsTheReadingHad() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), TestPdfs.pagesWithHeaderAndFooter(3));

        new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava").appending(true));

        assertThat(slides(course, "llava")).extracting(SlideExcerpt::title)
                .containsExactly("An old excerpt", "Slide title 1", "Slide title 2", "Slide title 3");
    }

    @Test
    void aReadingThatDoesNotExistIsCreatedWithTheTitleAndWeekGiven() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), TestPdfs.pagesWithHeaderAndFooter(3));

        PdfImportResult result = new PdfImporter().run(
                PdfImportRequest.of(pdf, course, "week-8-deck").withNewReading("Week 8 deck", 8));

        assertThat(result.readingCreated()).isTrue();
        Reading created = CourseLoader.load(course).course().reading("week-8-deck").orElseThrow();
        assertThat(created.title()).isEqualTo("Week 8 deck");
        assertThat(created.week()).isEqualTo(8);
        assertThat(created.kind()).isEqualTo(ReadingKind.SLIDES);
        assertThat(created.slides()).hasSize(3);
        assertThat(slides(course, "week-8-deck").get(0).image()).contains("images/week-8-deck/p1.png");
    }

    @Test
    void aNewReadingWithoutATitleGivenTakesTheFirstPagesTitleWhenThePdfsOwnIsAFileNameAndItsAuthorsFromThatPage()
            throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("S1-LLM.pdf"), List.of(
                List.of(text(72, 700, 30, "LLM SERVING AND"), text(72, 664, 30, "ALIGNMENT"),
                        text(72, 600, 14, "Jane Doe, Ravi Kumar and Li Wei"), text(72, 570, 12, "Fall 2026")),
                List.of(text(72, 700, 24, "Second slide"), text(72, 640, 12, "Text."))),
                doc -> doc.getDocumentInformation().setTitle("Microsoft PowerPoint - S1-LLM.pptx"));

        new PdfImporter().run(PdfImportRequest.of(pdf, course, "s1-llm").withNewReading("", 8));

        Reading created = CourseLoader.load(course).course().reading("s1-llm").orElseThrow();
        assertThat(created.title()).isEqualTo("LLM SERVING AND ALIGNMENT");
        assertThat(created.authors()).containsExactly("Jane Doe", "Ravi Kumar", "Li Wei");
        assertThat(slides(course, "s1-llm").get(0).title()).isEqualTo("LLM SERVING AND ALIGNMENT");
    }

    @Test
    void aMeaningfulTitleAndAuthorInThePdfsOwnDataNameTheNewReading() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("dit-slides.pdf"), List.of(
                List.of(text(72, 700, 30, "DiT"), text(72, 640, 12, "Transformers for diffusion."))),
                doc -> {
                    doc.getDocumentInformation().setTitle("Scalable Diffusion Models with Transformers");
                    doc.getDocumentInformation().setAuthor("William Peebles; Saining Xie");
                });

        new PdfImporter().run(PdfImportRequest.of(pdf, course, "dit-slides").withNewReading("", 8));

        Reading created = CourseLoader.load(course).course().reading("dit-slides").orElseThrow();
        assertThat(created.title()).isEqualTo("Scalable Diffusion Models with Transformers");
        assertThat(created.authors()).containsExactly("William Peebles", "Saining Xie");
    }

    @Test
    void aReadingThatDoesNotExistIsNotCreatedWithoutAWeek() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), TestPdfs.pagesWithHeaderAndFooter(1));

        PdfImportResult result = importInto(pdf, "nowhere");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("There is no reading \"nowhere\" in ")
                .endsWith("to create it, say which week it belongs to (and its title).");
        assertThat(course.resolve("readings/nowhere.md")).doesNotExist();
        assertThat(course.resolve("readings/images")).doesNotExist();
    }

    @Test
    void cancellingStopsEarlyAndLeavesNoReadingFileAndNoImages() throws Exception {
        Path pdf = dir.resolve("deck.pdf");
        LectureDeck.write(pdf, 30);
        byte[] before = Files.readAllBytes(reading);
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger seen = new AtomicInteger();

        PdfImportResult existing = new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava"),
                (done, total) -> {
                    seen.set(done);
                    if (done >= 3) {
                        cancel.set(true);
                    }
                }, cancel::get);
        PdfImportResult fresh = new PdfImporter().run(PdfImportRequest.of(pdf, course, "fresh").withNewReading("", 1),
                (done, total) -> cancel.set(true), cancel::get);

        assertThat(existing.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(seen.get()).isLessThan(10);
        assertThat(existing.message()).matches("Cancelled the import of deck.pdf after \\d+ of 30 pages; nothing was written.");
        assertThat(Files.readAllBytes(reading)).isEqualTo(before);
        assertThat(fresh.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(course.resolve("readings/fresh.md")).doesNotExist();
        try (Stream<Path> left = Files.walk(course.resolve("readings/images"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("images left behind").isEmpty();
        }
        try (Stream<Path> left = Files.list(course.resolve("readings/images"))) {
            assertThat(left.toList()).as("staging folders left behind").isEmpty();
        }
    }

    @Test
    void progressIsToldForEveryPageInOrder() throws Exception {
        Path pdf = dir.resolve("deck.pdf");
        LectureDeck.write(pdf, 12);
        List<Integer> done = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();

        new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava"), new ProgressListener() {
            @Override
            public void started(int pageCount) {
                started.set(pageCount);
            }

            @Override
            public synchronized void pageDone(int pages, int total) {
                done.add(pages);
            }
        }, () -> false);

        assertThat(started.get()).isEqualTo(12);
        assertThat(done).hasSize(12);
        assertThat(done).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void twoThreadsGiveTheSameReadingAsOne() throws Exception {
        Path pdf = dir.resolve("deck.pdf");
        LectureDeck.write(pdf, 24);

        new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava").withThreads(1));
        String one = Files.readString(reading);
        new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava").withThreads(2));
        String two = Files.readString(reading);

        assertThat(two).isEqualTo(one);
        List<SlideExcerpt> slides = slides(course, "llava");
        assertThat(slides).hasSize(24);
        assertThat(slides.get(0).title()).isEqualTo(LectureDeck.LECTURE);
        // The running header is left out; the course's name stays on the title slide, where it is not a header.
        assertThat(one.split(LectureDeck.COURSE, -1)).hasSize(2);
        assertThat(one).doesNotContain("/ 24");
    }

    @Test
    void aPdfWithAnEmptyUserPasswordOpensWithoutAsking() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("locked.pdf"), TestPdfs.pagesWithHeaderAndFooter(3),
                TestPdfs.encrypted(""));

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.IMPORTED);
        assertThat(slides(course, "llava").get(0).title()).isEqualTo("Slide title 1");
    }

    @Test
    void aPdfThatNeedsAPasswordAsksForItAndOpensWithTheRightOne() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("locked.pdf"), TestPdfs.pagesWithHeaderAndFooter(3),
                TestPdfs.encrypted("s3cret"));
        byte[] before = Files.readAllBytes(reading);

        PdfImportResult none = importInto(pdf, "llava");
        PdfImportResult wrong = new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava").withPassword("guess"));
        assertThat(Files.readAllBytes(reading)).isEqualTo(before);
        PdfImportResult right = new PdfImporter().run(PdfImportRequest.of(pdf, course, "llava").withPassword("s3cret"));

        assertThat(none.outcome()).isEqualTo(Outcome.NEEDS_PASSWORD);
        assertThat(none.message()).isEqualTo("locked.pdf is protected by a password; give the password to import it.");
        assertThat(wrong.outcome()).isEqualTo(Outcome.NEEDS_PASSWORD);
        assertThat(wrong.message()).isEqualTo("The password given for locked.pdf is not right.");
        assertThat(right.outcome()).as(right.message()).isEqualTo(Outcome.IMPORTED);
        assertThat(slides(course, "llava")).hasSize(3);
    }

    @Test
    void aBrokenCrossReferenceTableIsRepairedByTheLenientParser() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("broken.pdf"), TestPdfs.pagesWithHeaderAndFooter(3));
        TestPdfs.breakCrossReferences(pdf);

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.IMPORTED);
        assertThat(slides(course, "llava")).extracting(SlideExcerpt::title)
                .containsExactly("Slide title 1", "Slide title 2", "Slide title 3");
    }

    @Test
    void aDamagedFileEndsWithAPlainMessageAndWritesNothing() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("damaged.pdf"), TestPdfs.pagesWithHeaderAndFooter(3));
        byte[] bytes = Files.readAllBytes(pdf);
        Files.write(pdf, java.util.Arrays.copyOf(bytes, 40));
        byte[] before = Files.readAllBytes(reading);

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("damaged.pdf is damaged and could not be read as a PDF (")
                .doesNotContain(".).").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("\n");
        assertThat(Files.readAllBytes(reading)).isEqualTo(before);
    }

    @Test
    void filesThatAreNotPdfsSaySoInPlainWords() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pdf"), "just some notes");
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);

        assertThat(importInto(text, "llava").message()).isEqualTo("notes.pdf is not a PDF (it does not start with %PDF-).");
        assertThat(importInto(empty, "llava").message()).isEqualTo("empty.pdf is empty.");
        assertThat(importInto(dir.resolve("missing.pdf"), "llava").message()).startsWith("missing.pdf does not exist");
        assertThat(importInto(dir, "llava").message()).isEqualTo(dir.getFileName() + " is a folder, not a PDF.");
        assertThat(importInto(text, "Not An Id").message()).startsWith("\"Not An Id\" is not a reading id");
        assertThat(new PdfImporter().run(PdfImportRequest.of(text, course, "llava").withDpi(5000)).message())
                .isEqualTo("The thumbnails' resolution must be from 18 to 600 dpi, not 5000.");
    }

    @Test
    void aNamedPipeOrADeviceGivenAsThePdfIsRefusedWithoutBeingOpened() throws Exception {
        Path pipe = StrangeFiles.fifo(dir.resolve("deck.pdf"));

        PdfImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> importInto(pipe, "llava"));

        assertThat(result.message()).isEqualTo("deck.pdf is a named pipe (FIFO), not a PDF file.");
        assertThat(reading).hasContent(EXISTING);
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> importInto(zero, "llava")).message())
                    .isEqualTo("zero is a device, not a PDF file.");
        }
    }

    @Test
    void aPosterSizedPageIsDrawnAtALowerResolutionWithANote() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("poster.pdf"), List.of(List.of(text(72, 700, 24, "Poster"))),
                doc -> doc.getPage(0).setMediaBox(new PDRectangle(14400, 14400)));

        PdfImportResult result = importInto(pdf, "llava");

        assertThat(result.imported()).isTrue();
        assertThat(result.notes()).singleElement().asString()
                .startsWith("page 1 is very large (508 × 508 cm); its image is drawn at ");
        BufferedImage image = ImageIO.read(course.resolve("readings/images/llava/p1.png").toFile());
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(PdfImporter.MAX_PIXELS);
    }

    @Test
    void aLineStartingLikeAHeadingDoesNotSplitTheReading() throws Exception {
        Path pdf = TestPdfs.write(dir.resolve("deck.pdf"), List.of(
                List.of(text(72, 700, 24, "# Hash title"), text(72, 650, 12, "## Abstract"), text(72, 630, 12, "---")),
                List.of(text(72, 700, 24, "Next"))));

        importInto(pdf, "llava");

        Reading loaded = CourseLoader.load(course).course().reading("llava").orElseThrow();
        assertThat(loaded.slides()).hasSize(2);
        assertThat(loaded.abstractMarkdown()).isEqualTo("LLaVA connects a vision encoder to a language model.");
        assertThat(Files.readString(reading, StandardCharsets.UTF_8)).contains("### \\# Hash title {page=1");
        assertThat(loaded.slides().get(0).markdown()).isEqualTo("\\## Abstract\n\n\\---");
    }

}
