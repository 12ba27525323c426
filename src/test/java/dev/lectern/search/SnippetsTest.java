package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a passage with its match offsets becomes snippet parts. */
class SnippetsTest {

    private static String marked(List<SnippetPart> parts) {
        StringBuilder b = new StringBuilder();
        for (SnippetPart part : parts) {
            b.append(part.highlighted() ? "[" + part.text() + "]" : part.text());
        }
        return b.toString();
    }

    private static List<SnippetPart> parts(String content, String... words) {
        int[] starts = new int[words.length];
        int[] ends = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            starts[i] = content.indexOf(words[i]);
            ends[i] = starts[i] + words[i].length();
        }
        return Snippets.PartsFormatter.parts(content, 0, content.length(), starts, ends);
    }

    @Test
    void aShortPassageIsShownWholeWithItsMatchesMarked() {
        assertThat(parts("A latent video diffusion model.", "video", "model")).containsExactly(
                new SnippetPart("A latent ", false), new SnippetPart("video", true),
                new SnippetPart(" diffusion ", false), new SnippetPart("model", true), new SnippetPart(".", false));
    }

    @Test
    void overlappingMatchesAreMarkedOnce() {
        String content = "Videos everywhere.";
        List<SnippetPart> parts = Snippets.PartsFormatter.parts(content, 0, content.length(), new int[] {0, 0},
                new int[] {6, 5});

        assertThat(marked(parts)).isEqualTo("[Videos] everywhere.");
    }

    @Test
    void aLongPassageIsCutToAboutOneHundredAndSixtyCharactersAroundItsMatch() {
        String before = "Words before the match go on for a long while without any full stop at all, ".repeat(3);
        String after = " and words after the match go on for a long while as well, without a stop,".repeat(3);
        String content = before + "zebra" + after;

        String snippet = marked(parts(content, "zebra"));

        assertThat(snippet).startsWith("…").endsWith("…").contains("[zebra]");
        assertThat(snippet.indexOf("[zebra]")).isBetween(1, 50);
        assertThat(snippet.length()).isBetween(140, 175);
    }

    @Test
    void aCutPassageStartsAtTheSentenceOfItsMatchWhenItIsClose() {
        String content = "First sentence that has nothing to show. The zebra sentence comes second, and then the"
                + " text goes on for quite a while so that the passage is too long to be shown in full in a snippet,"
                + " because a snippet is about one hundred and sixty characters long.";

        assertThat(marked(parts(content, "zebra"))).startsWith("The [zebra] sentence").endsWith("…");
    }

    @Test
    void theCutShowsWhereTheMostDifferentWordsMatch() {
        String content = "A video here. " + "Filler words that match nothing at all go on and on. ".repeat(4)
                + "Then a video diffusion model appears. " + "More filler without any match, ".repeat(4);
        int first = content.indexOf("video");
        int second = content.indexOf("video", first + 1);
        int diffusion = content.indexOf("diffusion");
        List<SnippetPart> parts = Snippets.PartsFormatter.parts(content, 0, content.length(),
                new int[] {first, second, diffusion}, new int[] {first + 5, second + 5, diffusion + 9});

        assertThat(marked(parts)).startsWith("Then a [video] [diffusion] model appears.");
    }
}
