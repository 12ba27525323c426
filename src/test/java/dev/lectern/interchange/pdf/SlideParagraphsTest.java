package dev.lectern.interchange.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.load.CourseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paragraphs rebuilt from the layout of decks shaped like real ones ({@link RealShapedDecks}): the share of paragraph
 * breaks that split a sentence stays at or under 5 %, and the words come through in reading order, hyphenated words
 * joined.
 */
class SlideParagraphsTest {

    @TempDir
    Path dir;

    /** What one deck's import came to. */
    record Figures(int breaks, int midSentence, int missed, int truthBreaks, int slidesWithOtherWords,
            List<String> wrongTitles) {

        double midSentenceShare() {
            return breaks == 0 ? 0 : (double) midSentence / breaks;
        }
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.replace("\\", "").toLowerCase(Locale.ROOT).split("\\s+")) {
            String bare = w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!bare.isEmpty()) {
                out.add(bare);
            }
        }
        return out;
    }

    private Figures measure(RealShapedDecks.Style style, long seed) throws Exception {
        Path course = Files.createDirectories(dir.resolve(style.name().toLowerCase(Locale.ROOT)));
        Files.createDirectories(course.resolve("readings"));
        Files.createDirectories(course.resolve("questions"));
        List<RealShapedDecks.Slide> truth = RealShapedDecks.slides(style, 24, seed);
        Path pdf = RealShapedDecks.write(dir.resolve(style + ".pdf"), style, truth);
        PdfImportResult result = new PdfImporter().run(PdfImportRequest.of(pdf, course, "deck")
                .withNewReading("", 1).withDpi(18));
        assertThat(result.outcome()).as(result.message()).isEqualTo(PdfImportResult.Outcome.IMPORTED);
        List<SlideExcerpt> slides = CourseLoader.load(course).course().reading("deck").orElseThrow().slides();
        assertThat(slides).hasSize(truth.size());
        int breaks = 0;
        int mid = 0;
        int missed = 0;
        int truthBreaks = 0;
        int other = 0;
        List<String> wrongTitles = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            String title = style == RealShapedDecks.Style.POWERPOINT
                    ? truth.get(i).title().toUpperCase(Locale.ROOT) : truth.get(i).title();
            if (!slides.get(i).title().equals(title)) {
                wrongTitles.add(slides.get(i).title());
            }
            List<String> truthWords = new ArrayList<>();
            List<Integer> truthEnds = new ArrayList<>();
            List<Boolean> sentenceEnds = new ArrayList<>();
            for (RealShapedDecks.Block block : truth.get(i).blocks()) {
                for (String sentencePart : block.text().split(" ")) {
                    truthWords.addAll(words(sentencePart));
                    sentenceEnds.add(sentencePart.endsWith("."));
                }
                truthEnds.add(truthWords.size());
            }
            List<String> outWords = new ArrayList<>();
            List<Integer> outEnds = new ArrayList<>();
            for (String block : slides.get(i).markdown().split("\n+")) {
                outWords.addAll(words(block.replaceFirst("^\\s*([-*]|\\d+\\.) ", "")));
                outEnds.add(outWords.size());
            }
            if (!outWords.equals(truthWords)) {
                other++;
                continue;
            }
            truthBreaks += truthEnds.size() - 1;
            for (int e = 0; e < outEnds.size() - 1; e++) {
                breaks++;
                int at = outEnds.get(e);
                if (!truthEnds.contains(at) && !sentenceEnds.get(at - 1)) {
                    mid++;
                }
            }
            for (int e = 0; e < truthEnds.size() - 1; e++) {
                if (!outEnds.contains(truthEnds.get(e))) {
                    missed++;
                }
            }
        }
        return new Figures(breaks, mid, missed, truthBreaks, other, wrongTitles);
    }

    @Test
    void onDecksShapedLikeBeamerPowerPointAndGoogleSlidesAtMostOneBreakInTwentySplitsASentence() throws Exception {
        for (RealShapedDecks.Style style : RealShapedDecks.Style.values()) {
            Figures figures = measure(style, 11 + style.ordinal());
            System.out.printf(Locale.ROOT, "%s: %d breaks, %d mid-sentence (%.1f %%), %d of %d paragraph breaks missed,"
                    + " %d slides with other words%n", style, figures.breaks(), figures.midSentence(),
                    100 * figures.midSentenceShare(), figures.missed(), figures.truthBreaks(),
                    figures.slidesWithOtherWords());
            assertThat(figures.wrongTitles()).as(style + ": titles not as on the slide").isEmpty();
            assertThat(figures.slidesWithOtherWords()).as(style + ": slides whose words differ").isZero();
            assertThat(figures.midSentenceShare()).as(style + ": share of breaks inside a sentence").isLessThanOrEqualTo(0.05);
            assertThat(figures.missed()).as(style + ": paragraph breaks missed").isLessThanOrEqualTo(
                    figures.truthBreaks() / 10);
        }
    }
}
