package dev.lectern.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.ui.RecordingDialogs;
import dev.lectern.ui.UiQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Import > PDF Slide Deck without a window: where the pages go, progress, cancel, and a password. */
class DeckImportTest {

    @TempDir
    Path dir;

    Path courseDir;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final UiQueue ui = new UiQueue();
    final AtomicInteger reloads = new AtomicInteger();
    final AtomicReference<Course> course = new AtomicReference<>();
    DeckImport deck;

    @BeforeEach
    void setUp() throws IOException {
        courseDir = Files.createDirectories(dir.resolve("course"));
        Files.createDirectories(courseDir.resolve("readings"));
        Files.createDirectories(courseDir.resolve("questions"));
        Files.writeString(courseDir.resolve("readings/vision.md"), "---\nid: vision\ntitle: Vision\nweek: 4\n---\n\n"
                + "## Abstract\n\nAn abstract of our own.\n");
        course.set(CourseLoader.load(courseDir).course());
    }

    private DeckImport deck(Executor background) {
        Reading vision = course.get().reading("vision").orElseThrow();
        deck = new DeckImport(background, ui, dialogs, course::get, () -> vision, reloads::incrementAndGet);
        return deck;
    }

    private Path pdf(String name, String userPassword) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument document = new PDDocument()) {
            for (String title : List.of("Seeing and saying", "Masks from prompts")) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
                    content.newLineAtOffset(60, 700);
                    content.showText(title);
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(0, -40);
                    content.showText("A line of slide text about " + title.toLowerCase(java.util.Locale.ROOT) + ".");
                    content.endText();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(file.toFile());
        }
        return file;
    }

    private void waitForTheEnd() {
        ui.runUntil(() -> !deck.runningProperty().get()
                && dialogs.shown.stream().anyMatch(s -> s.startsWith("info: ") || s.startsWith("error: ")));
    }

    @Test
    void thePagesReplaceTheSlidesOfTheReadingOnShowAndTheLibraryReloads() throws IOException {
        dialogs.nextFiles = List.of(pdf("deck.pdf", null));
        dialogs.choices.add(DeckImport.REPLACE);
        dialogs.confirmAnswer = true;
        List<Double> seen = new java.util.ArrayList<>();
        DeckImport deck = deck(Runnable::run);
        deck.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));

        deck.start();
        waitForTheEnd();

        assertThat(seen).contains(0.5, 1.0);
        assertThat(reloads.get()).isEqualTo(1);
        String reading = Files.readString(courseDir.resolve("readings/vision.md"));
        assertThat(reading).contains("## Slides").contains("Seeing and saying").contains("page=2");
        assertThat(CourseLoader.load(courseDir).problems()).isEmpty();
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("choose: Import deck.pdf: Each page"
                + " becomes a slide excerpt"));
    }

    @Test
    void aNewReadingIsNamedAfterTheFileTitledFromTheFirstPageAndMadeInTheWeekOfTheReadingOnShow() throws IOException {
        dialogs.nextFiles = List.of(pdf("Lecture 7 Slides.pdf", null));
        dialogs.choices.add(DeckImport.NEW);

        deck(Runnable::run).start();
        waitForTheEnd();

        Course reloaded = CourseLoader.load(courseDir).course();
        Reading created = reloaded.reading("lecture-7-slides").orElseThrow();
        assertThat(created.week()).isEqualTo(4);
        assertThat(created.title()).isEqualTo("Seeing and saying");
    }

    @Test
    void theSafeChoiceComesFirstAndReplacingSlidesIsAskedAgainAndDecliningWritesNothing() throws IOException {
        Files.writeString(courseDir.resolve("readings/vision.md"), "---\nid: vision\ntitle: Vision\nweek: 4\n---\n\n"
                + "## Slides\n\n### An old slide\n\nOld text.\n");
        course.set(CourseLoader.load(courseDir).course());
        String before = Files.readString(courseDir.resolve("readings/vision.md"));
        dialogs.nextFiles = List.of(pdf("deck.pdf", null));
        dialogs.choices.add(DeckImport.REPLACE);
        dialogs.confirmAnswer = false;

        deck(Runnable::run).start();

        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("choose: Import deck.pdf:")
                .endsWith("[Add as a New Reading, Add to Its Slides, Replace Its Slides, Cancel]"));
        assertThat(dialogs.shown).last().asString().startsWith("confirm: Replace the slides?: The 1 slide excerpt of"
                + " \"Vision\" will be replaced by the pages of deck.pdf.");
        assertThat(deck.runningProperty().get()).isFalse();
        assertThat(Files.readString(courseDir.resolve("readings/vision.md"))).isEqualTo(before);
    }

    @Test
    void cancellingWritesNothingAndSaysSo() throws IOException {
        dialogs.nextFiles = List.of(pdf("deck.pdf", null));
        dialogs.choices.add(DeckImport.REPLACE);
        String before = Files.readString(courseDir.resolve("readings/vision.md"));
        AtomicReference<DeckImport> self = new AtomicReference<>();
        self.set(deck(work -> {
            self.get().cancel();
            work.run();
        }));

        self.get().start();
        waitForTheEnd();

        assertThat(dialogs.shown).last().isEqualTo("info: Import PDF: Cancelled: nothing was written.");
        assertThat(Files.readString(courseDir.resolve("readings/vision.md"))).isEqualTo(before);
        assertThat(reloads.get()).isZero();
    }

    @Test
    void aPdfThatNeedsAPasswordAsksForItAndImportsWithIt() throws IOException {
        dialogs.nextFiles = List.of(pdf("locked.pdf", "open sesame"));
        dialogs.choices.add(DeckImport.ADD);
        dialogs.passwords.add("open sesame");

        deck(Runnable::run).start();
        waitForTheEnd();

        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("password: Import PDF: "));
        assertThat(Files.readString(courseDir.resolve("readings/vision.md"))).contains("Masks from prompts");
    }
}
