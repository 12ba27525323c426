package dev.lectern.interchange.anki;

import dev.lectern.course.Course;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.SourceRef;
import dev.lectern.files.PlainTitle;
import dev.lectern.render.MarkdownRenderer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Writes question sets as Anki "Notes in Plain Text" (Anki 2.1.55 and later import it without changing a setting):
 * tab-separated, with the header lines {@code #separator:tab}, {@code #html:true}, {@code #notetype:Basic},
 * {@code #deck:} (or a deck column when several sets go into one file), {@code #columns:}, {@code #guid column:} and
 * {@code #tags column:}. One note per question: a guid derived from the course title, the set id and the question id
 * (so importing a later export again updates the notes instead of adding copies), the prompt and the reference answer
 * as sanitised HTML (formulas as MathJax {@code \(…\)}, which Anki renders; images left out as "[image: …]"), the key
 * points as a list after the answer, and tags: the question's own, {@code set::<set id>} and
 * {@code reading::<reading id>} for each reading the set drills. Fields with a tab, a quote or a line break are quoted
 * with doubled quotes inside, as Anki's CSV reader expects.
 */
public final class AnkiExporter {

    /** What an export wrote. */
    public record Result(Path file, int notes, long bytes) {
    }

    private static final Pattern NOT_TAG = Pattern.compile("[^\\p{L}\\p{N}_:.-]+");

    private final Course course;
    private final MarkdownRenderer renderer;

    public AnkiExporter(Course course) {
        this.course = course;
        this.renderer = new MarkdownRenderer(course.root().toAbsolutePath().normalize());
    }

    /**
     * Writes one question set to {@code out}, atomically.
     *
     * @throws NoSuchElementException when the course has no such set (the message names the sets it has)
     */
    public Result exportSet(String setId, Path out) throws IOException {
        QuestionSet set = course.questionSet(setId).orElseThrow(() -> new NoSuchElementException(
                "There is no question set \"" + setId + "\" in this course. Its sets are: " + String.join(", ",
                        course.questionSets().stream().map(QuestionSet::id).toList()) + "."));
        return write(List.of(set), out);
    }

    /** Writes every question set of the course to {@code out}, each in its own deck, atomically. */
    public Result exportAll(Path out) throws IOException {
        return write(course.questionSets(), out);
    }

    /** The file's text for {@code sets}: one deck header for one set, a deck column for several. */
    public String notes(List<QuestionSet> sets) {
        boolean oneDeck = sets.size() == 1;
        StringBuilder out = new StringBuilder();
        out.append("#separator:tab\n");
        out.append("#html:true\n");
        out.append("#notetype:Basic\n");
        if (oneDeck) {
            out.append("#deck:").append(deck(sets.get(0))).append('\n');
            out.append("#columns:guid\tFront\tBack\tTags\n");
        } else {
            out.append("#columns:guid\tFront\tBack\tTags\tDeck\n");
            out.append("#deck column:5\n");
        }
        out.append("#guid column:1\n");
        out.append("#tags column:4\n");
        for (QuestionSet set : sets) {
            Path base = baseDir(set.source());
            for (Question q : set.questions()) {
                List<String> fields = new ArrayList<>();
                fields.add(guid(course.info().title(), set.id(), q.id()));
                fields.add(front(q, base));
                fields.add(back(q, base));
                fields.add(String.join(" ", tags(set, q)));
                if (!oneDeck) {
                    fields.add(deck(set));
                }
                StringBuilder line = new StringBuilder();
                for (String field : fields) {
                    if (line.length() > 0) {
                        line.append('\t');
                    }
                    line.append(field(field));
                }
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The note's guid: "lectern-" and 20 hex digits of a SHA-256 of the course title, set id and question id. The same
     * question of the same course always gets the same guid, so Anki updates its note on a second import.
     */
    public static String guid(String courseTitle, String setId, String questionId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((courseTitle.strip() + "\u001f" + setId + "\u001f" + questionId)
                    .getBytes(StandardCharsets.UTF_8));
            return "lectern-" + HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * {@code Lectern::<course title>::<set title>}, the titles as {@link PlainTitle plain text} (no markup, no control
     * characters; the set's id if nothing is left) with "::" inside a title (a deck separator) made ":".
     */
    String deck(QuestionSet set) {
        return "Lectern::" + deckPart(course.info().title(), "Course") + "::" + deckPart(set.title(), set.id());
    }

    private static String deckPart(String title, String fallback) {
        String plain = PlainTitle.of(title, PlainTitle.of(fallback));
        while (plain.contains("::")) {
            plain = plain.replace("::", ":");
        }
        return plain;
    }

    /** Anki tags: no spaces; the question's tags as slugs, then set::ID and reading::ID. */
    static List<String> tags(QuestionSet set, Question q) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : q.tags()) {
            String slug = tag(t);
            if (!slug.isEmpty()) {
                tags.add(slug);
            }
        }
        tags.add("set::" + tag(set.id()));
        for (String reading : set.readingIds()) {
            tags.add("reading::" + tag(reading));
        }
        return List.copyOf(tags);
    }

    static String tag(String s) {
        return NOT_TAG.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
    }

    private String front(Question q, Path base) {
        Element body = html(q.prompt(), base);
        // A one-paragraph prompt needs no paragraph around it on a card.
        if (body.childrenSize() == 1 && body.child(0).tagName().equals("p")
                && body.textNodes().stream().allMatch(TextNode::isBlank)) {
            return oneLine(body.child(0).html());
        }
        return oneLine(body.html());
    }

    private String back(Question q, Path base) {
        Element body = html(q.referenceAnswer(), base);
        if (!q.keyPoints().isEmpty()) {
            body.appendElement("p").appendElement("i").text("Key points:");
            Element list = body.appendElement("ul");
            for (KeyPoint k : q.keyPoints()) {
                list.appendElement("li").text(k.text());
            }
        }
        if (!q.examples().isEmpty()) {
            body.appendChild(new Comment(examplesComment(q)));
        }
        return oneLine(body.html());
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

    /** Markdown as sanitised HTML; formulas for MathJax; images as a bracketed note (notes hold no files). */
    private Element html(String markdown, Path base) {
        String html = renderer.toSafeHtml(markdown, base, MarkdownRenderer.MathOutput.MATHJAX);
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element img : new ArrayList<>(doc.body().select("img"))) {
            String alt = img.attr("alt").strip();
            img.replaceWith(new TextNode("[image" + (alt.isEmpty() ? "" : ": " + alt) + "]"));
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

    private static String oneLine(String html) {
        return html.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A field as Anki's CSV reader takes it: quoted, with quotes doubled, when it holds a tab, quote or line break. */
    static String field(String value) {
        if (value.indexOf('\t') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private Path baseDir(SourceRef source) {
        Path root = course.root().toAbsolutePath().normalize();
        if (source == null || source.file() == null) {
            return root.resolve("questions");
        }
        Path parent = root.resolve(source.file()).normalize().getParent();
        return parent == null ? root : parent;
    }

    private Result write(List<QuestionSet> sets, Path out) throws IOException {
        String text = notes(sets);
        Path target = out.toAbsolutePath().normalize();
        dev.lectern.files.AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
        int notes = sets.stream().mapToInt(s -> s.questions().size()).sum();
        return new Result(target, notes, Files.size(target));
    }
}
