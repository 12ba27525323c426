package dev.lectern.ui.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Marking a search's words in a page's DOM, on a plain DOM without a WebView. */
class SearchMarksTest {

    private static Document page(String body) throws Exception {
        String xml = "<html><body>" + body + "</body></html>";
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    private static List<String> marks(Document doc) {
        List<String> texts = new ArrayList<>();
        NodeList marks = doc.getElementsByTagName("mark");
        for (int i = 0; i < marks.getLength(); i++) {
            Element mark = (Element) marks.item(i);
            if (SearchMarks.CLASS.equals(mark.getAttribute("class"))) {
                texts.add(mark.getTextContent());
            }
        }
        return texts;
    }

    @Test
    void theWordsAreMarkedAsWholeWordsWhateverTheirCaseOnlyInTheElementAsked() throws Exception {
        Document doc = page("<p id='a'>Mask here.</p><section id='s'><p>A <b>Mask</b> decoder; masks and"
                + " unmasked text, then mask-decoder.</p></section>");

        int count = SearchMarks.mark(doc, byId(doc, "s"), List.of("mask"));

        assertThat(count).isEqualTo(2);
        assertThat(marks(doc)).containsExactly("Mask", "mask");
        assertThat(byId(doc, "a").getTextContent()).isEqualTo("Mask here.");
        assertThat(byId(doc, "s").getTextContent())
                .isEqualTo("A Mask decoder; masks and unmasked text, then mask-decoder.");
        assertThat(byId(doc, SearchMarks.FIRST_ID).getTextContent()).isEqualTo("Mask");
    }

    @Test
    void theLongerOfTwoWordsThatStartAlikeIsMarkedWhole() throws Exception {
        Document doc = page("<p id='p'>Narwhals and a narwhal.</p>");

        SearchMarks.mark(doc, byId(doc, "p"), List.of("narwhal", "narwhals"));

        assertThat(marks(doc)).containsExactly("Narwhals", "narwhal");
    }

    @Test
    void clearingTakesOutOnlyItsOwnMarksAndLeavesTheTextAsItWas() throws Exception {
        Document doc = page("<p id='p'>A <mark>noted</mark> point about masks and a mask.</p>");
        Element p = byId(doc, "p");
        SearchMarks.mark(doc, p, List.of("mask", "masks"));

        SearchMarks.clear(doc);

        assertThat(marks(doc)).isEmpty();
        assertThat(doc.getElementsByTagName("mark").getLength()).isEqualTo(1);
        assertThat(p.getTextContent()).isEqualTo("A noted point about masks and a mask.");
        assertThat(p.getChildNodes().getLength()).isEqualTo(3);
    }

    @Test
    void noWordsOrNoElementMarkNothing() throws Exception {
        Document doc = page("<p id='p'>Text.</p>");

        assertThat(SearchMarks.mark(doc, byId(doc, "p"), List.of())).isZero();
        assertThat(SearchMarks.mark(doc, null, List.of("text"))).isZero();
        assertThat(marks(doc)).isEmpty();
    }

    @Test
    void theViewScrollsToTheElementUnlessItsFirstMarkWouldBeLowInTheView() {
        assertThat(SearchMarks.scrollTarget(1000, 1100, 400)).isEqualTo(984);
        assertThat(SearchMarks.scrollTarget(1000, 2000, 400)).isEqualTo(2000 - 400 / 3.0);
        assertThat(SearchMarks.scrollTarget(1000, Double.NaN, 400)).isEqualTo(984);
        assertThat(SearchMarks.scrollTarget(5, 10, 400)).isZero();
    }
}
