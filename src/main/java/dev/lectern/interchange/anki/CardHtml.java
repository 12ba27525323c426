package dev.lectern.interchange.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.Course;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.SourceRef;
import dev.lectern.render.MarkdownRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The HTML of a question's card sides, shared by the text and the package export: sanitised (no scripts), formulas
 * as MathJax, code blocks with their line breaks as {@code <br>}, all on one line.
 */
final class CardHtml {

    /** What an image of the course becomes on a card. */
    @FunctionalInterface
    interface Images {
        Node replace(Element img);
    }

    /** Images as a bracketed note, for notes that carry no files. */
    static final Images AS_TEXT = img -> {
        String alt = img.attr("alt").strip();
        return new TextNode("[image" + (alt.isEmpty() ? "" : ": " + alt) + "]");
    };

    /** The label of the key points after an answer on a Basic card. */
    static final String KEY_POINTS_LABEL = "Key points:";

    /** The attribute of a key point's list item that holds its other accepted phrasings, as a JSON array. */
    static final String ACCEPT = "data-accept";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Course course;
    private final MarkdownRenderer renderer;

    CardHtml(Course course) {
        this.course = course;
        this.renderer = new MarkdownRenderer(course.root().toAbsolutePath().normalize());
    }

    /** The prompt; a one-paragraph prompt without its paragraph. */
    String prompt(Question q, Path base, Images images) {
        Element body = html(q.prompt(), base, images);
        if (body.childrenSize() == 1 && body.child(0).tagName().equals("p")
                && body.textNodes().stream().allMatch(TextNode::isBlank)) {
            return oneLine(body.child(0).html());
        }
        return oneLine(body.html());
    }

    /** The reference answer, with the judged examples in a hidden comment; the key points after it if asked. */
    String answer(Question q, Path base, Images images, boolean withKeyPoints) {
        Element body = html(q.referenceAnswer(), base, images);
        if (withKeyPoints && !q.keyPoints().isEmpty()) {
            body.appendElement("p").appendElement("i").text(KEY_POINTS_LABEL);
            body.appendChild(keyPointList(q.keyPoints()));
        }
        if (!q.examples().isEmpty()) {
            body.appendChild(new org.jsoup.nodes.Comment(examplesComment(q)));
        }
        return oneLine(body.html());
    }

    /** The key points as an HTML list, each point's text escaped, its other phrasings in an attribute; "" for none. */
    static String keyPoints(List<KeyPoint> points) {
        if (points.isEmpty()) {
            return "";
        }
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        doc.body().appendChild(keyPointList(points));
        return doc.body().html();
    }

    private static Element keyPointList(List<KeyPoint> points) {
        Element list = new Element("ul");
        for (KeyPoint k : points) {
            Element item = list.appendElement("li").text(k.text());
            if (!k.accepted().isEmpty()) {
                // Carried for Lectern's importer, not shown on the card.
                item.attr(ACCEPT, JSON.valueToTree(k.accepted()).toString());
            }
        }
        return list;
    }

    /**
     * The question's judged examples as an HTML comment on the back of the card: carried with the note, never shown
     * to the student (they are not model answers). One per line, "verdict: answer (note)"; "--" cannot end the
     * comment early, and line breaks in an answer become spaces.
     */
    static String examplesComment(Question q) {
        StringBuilder out = new StringBuilder(" lectern-examples:");
        for (JudgedExample e : q.examples()) {
            out.append(' ').append(e.verdict().key()).append(": ").append(flat(e.answer()));
            if (!e.note().isBlank()) {
                out.append(" (").append(flat(e.note())).append(')');
            }
            out.append(" |");
        }
        return out.append(' ').toString();
    }

    private static String flat(String s) {
        String t = s.strip().replaceAll("\\s+", " ").replace("|", "/");
        while (t.contains("--")) {
            t = t.replace("--", "-\u2010");
        }
        return t.replace(">", "\u203A");
    }

    private Element html(String markdown, Path base, Images images) {
        String html = renderer.toSafeHtml(markdown, base, MarkdownRenderer.MathOutput.MATHJAX);
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element img : new ArrayList<>(doc.body().select("img"))) {
            img.replaceWith(images.replace(img));
        }
        // Line breaks in code blocks must survive fields written on one line.
        for (Element pre : doc.body().select("pre")) {
            List<TextNode> texts = new ArrayList<>();
            pre.traverse((node, depth) -> {
                if (node instanceof TextNode t && t.getWholeText().contains("\n")) {
                    texts.add(t);
                }
            });
            for (TextNode t : texts) {
                String[] lines = t.getWholeText().replaceAll("\n$", "").split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        t.before(new Element("br"));
                    }
                    t.before(new TextNode(lines[i]));
                }
                t.remove();
            }
        }
        return doc.body();
    }

    static String oneLine(String html) {
        return html.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The folder relative image paths of a set's questions resolve against: that of the set's file. */
    Path baseDir(SourceRef source) {
        Path root = course.root().toAbsolutePath().normalize();
        if (source == null || source.file() == null) {
            return root.resolve("questions");
        }
        Path parent = root.resolve(source.file()).normalize().getParent();
        return parent == null ? root : parent;
    }
}
