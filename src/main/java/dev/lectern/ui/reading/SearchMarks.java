package dev.lectern.ui.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * The marks around the words a search matched, put into (and taken out of) the page on show through its DOM, from
 * Java: the page runs no script of its own. Works on any {@link Document}, so it is tested without a WebView.
 */
final class SearchMarks {

    /** The class of the marks this puts in; marks written in a reading itself have none and are left alone. */
    static final String CLASS = "search-hit";

    /** The id of the first mark, which the view scrolls to. */
    static final String FIRST_ID = "search-hit-first";

    private SearchMarks() {
    }

    /**
     * Wraps every whole-word occurrence of {@code words} (case aside) in the text under {@code root} in
     * {@code <mark class="search-hit">}; the first gets the id {@link #FIRST_ID}.
     *
     * @return how many words were marked
     */
    static int mark(Document document, Element root, List<String> words) {
        Pattern pattern = pattern(words);
        if (pattern == null || root == null) {
            return 0;
        }
        List<Text> texts = new ArrayList<>();
        collectTexts(root, texts);
        int count = 0;
        for (Text text : texts) {
            String value = text.getData();
            Matcher m = pattern.matcher(value);
            int at = 0;
            Node parent = text.getParentNode();
            while (m.find()) {
                if (m.start() > at) {
                    parent.insertBefore(document.createTextNode(value.substring(at, m.start())), text);
                }
                Element mark = document.createElement("mark");
                mark.setAttribute("class", CLASS);
                if (count == 0) {
                    mark.setAttribute("id", FIRST_ID);
                }
                mark.appendChild(document.createTextNode(m.group()));
                parent.insertBefore(mark, text);
                count++;
                at = m.end();
            }
            if (at > 0) {
                if (at < value.length()) {
                    parent.insertBefore(document.createTextNode(value.substring(at)), text);
                }
                parent.removeChild(text);
            }
        }
        return count;
    }

    /** Takes out every mark {@link #mark} put in, leaving their words as plain text. */
    static void clear(Document document) {
        NodeList marks = document.getElementsByTagName("mark");
        List<Element> ours = new ArrayList<>();
        for (int i = 0; i < marks.getLength(); i++) {
            if (marks.item(i) instanceof Element mark && CLASS.equals(mark.getAttribute("class"))) {
                ours.add(mark);
            }
        }
        for (Element mark : ours) {
            Node parent = mark.getParentNode();
            if (parent != null) {
                parent.replaceChild(document.createTextNode(mark.getTextContent()), mark);
                parent.normalize();
            }
        }
    }

    /** One pattern for all the words, longest first, each matched only as a whole word; null when there are none. */
    static Pattern pattern(List<String> words) {
        List<String> sorted = words.stream().filter(w -> w != null && !w.isBlank())
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (sorted.isEmpty()) {
            return null;
        }
        StringBuilder alternatives = new StringBuilder();
        for (String word : sorted) {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(word));
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static void collectTexts(Node node, List<Text> texts) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text && child.getNodeType() == Node.TEXT_NODE) {
                texts.add(text);
            } else if (child instanceof Element element && !skipped(element)) {
                collectTexts(child, texts);
            }
        }
    }

    private static boolean skipped(Element element) {
        String name = element.getTagName().toLowerCase(Locale.ROOT);
        return name.equals("script") || name.equals("style") || name.equals("textarea")
                || (name.equals("mark") && CLASS.equals(element.getAttribute("class")));
    }

    /**
     * Where to scroll to show a match: the top of its element, a little above it; but when the first mark would
     * then be in the lower quarter of the view or below it, the mark a third of the way down instead.
     *
     * @param elementTop the element's top in page coordinates
     * @param markTop the first mark's top in page coordinates, or NaN when nothing was marked
     * @param viewHeight the height of the view
     */
    static double scrollTarget(double elementTop, double markTop, double viewHeight) {
        double margin = 16;
        double y = Math.max(0, elementTop - margin);
        if (!Double.isNaN(markTop) && viewHeight > 0 && markTop > y + viewHeight * 0.75) {
            y = Math.max(0, markTop - viewHeight / 3);
        }
        return y;
    }
}
