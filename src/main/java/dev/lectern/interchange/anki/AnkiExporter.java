package dev.lectern.interchange.anki;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.files.PlainTitle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.jsoup.nodes.Entities;

/**
 * Writes question sets as Anki "Notes in Plain Text" (Anki 2.1.55 and later import it without changing a setting):
 * tab-separated, with the header lines {@code #separator:tab}, {@code #html:true}, {@code #notetype:Basic},
 * {@code #deck:} (or a deck column when several sets go into one file), {@code #columns:}, {@code #guid column:} and
 * {@code #tags column:}. One note per question: a guid derived from the course title, the set id and the question id
 * (so importing a later export again updates the notes instead of adding copies), the prompt and the reference answer
 * as sanitised HTML (formulas as MathJax {@code \(…\)}, which Anki renders; images left out as "[image: …]"), the key
 * points as a list after the answer, and tags: the question's own, {@code set::<set id>} and
 * {@code reading::<reading id>} for each reading the set drills. Four more columns, which Anki leaves unused, let
 * Lectern's importer restore the question as it was: the key points on their own, {@code setId/questionId}, the set's
 * title (as {@link PlainTitle plain text}, like the deck) and its reading ids. Fields with a tab, a quote or a line break are quoted
 * with doubled quotes inside, as Anki's CSV reader expects.
 */
public final class AnkiExporter {

    /** What an export wrote. */
    public record Result(Path file, int notes, long bytes) {
    }

    private static final Pattern NOT_TAG = Pattern.compile("[^\\p{L}\\p{N}_:.-]+");

    /** The columns after the note's own, which let Lectern's importer restore the question exactly. */
    static final String LECTERN_COLUMNS = "Key points\tLectern id\tSet\tReading";

    private final Course course;
    private final CardHtml cards;

    public AnkiExporter(Course course) {
        this.course = course;
        this.cards = new CardHtml(course);
    }

    /**
     * Writes one question set to {@code out}, atomically.
     *
     * @throws NoSuchElementException when the course has no such set (the message names the sets it has)
     */
    public Result exportSet(String setId, Path out) throws IOException {
        return write(List.of(set(course, setId)), out);
    }

    /** The set of {@code setId}, or an exception naming the sets there are. */
    static QuestionSet set(Course course, String setId) {
        return course.questionSet(setId).orElseThrow(() -> new NoSuchElementException(
                "There is no question set \"" + setId + "\" in this course. Its sets are: " + String.join(", ",
                        course.questionSets().stream().map(QuestionSet::id).toList()) + "."));
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
            out.append("#columns:guid\tFront\tBack\tTags\t").append(LECTERN_COLUMNS).append('\n');
        } else {
            out.append("#columns:guid\tFront\tBack\tTags\tDeck\t").append(LECTERN_COLUMNS).append('\n');
            out.append("#deck column:5\n");
        }
        out.append("#guid column:1\n");
        out.append("#tags column:4\n");
        for (QuestionSet set : sets) {
            Path base = cards.baseDir(set.source());
            for (Question q : set.questions()) {
                List<String> fields = new ArrayList<>();
                fields.add(guid(course.info().title(), set.id(), q.id()));
                fields.add(cards.prompt(q, base, CardHtml.AS_TEXT));
                fields.add(cards.answer(q, base, CardHtml.AS_TEXT, true));
                fields.add(String.join(" ", tags(set, q)));
                if (!oneDeck) {
                    fields.add(deck(set));
                }
                fields.add(CardHtml.keyPoints(q.keyPoints()));
                fields.add(lecternId(set, q));
                fields.add(Entities.escape(PlainTitle.of(set.title(), set.id())));
                fields.add(Entities.escape(String.join(", ", set.readingIds())));
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
     * The note's guid: "lectern-" and 20 hex digits of a SHA-256 of the course (its title in the text export, which has
     * always used it; its id in the package), set id and question id. The same question of the same course always gets
     * the same guid, so Anki updates its note on a second import.
     */
    public static String guid(String course, String setId, String questionId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((course.strip() + "\u001f" + setId + "\u001f" + questionId)
                    .getBytes(StandardCharsets.UTF_8));
            return "lectern-" + HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** {@code setId/questionId}: the card's identity in Lectern, which its importer gives back. */
    static String lecternId(QuestionSet set, Question q) {
        return set.id() + "/" + q.id();
    }

    /**
     * {@code Lectern::<course title>::<set title>}, the titles as {@link PlainTitle plain text} (no markup, no control
     * characters; the set's id if nothing is left) with "::" inside a title (a deck separator) made ":".
     */
    String deck(QuestionSet set) {
        return "Lectern::" + deckPart(course.info().title(), "Course") + "::" + deckPart(set.title(), set.id());
    }

    static String deckPart(String title, String fallback) {
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

    /** A field as Anki's CSV reader takes it: quoted, with quotes doubled, when it holds a tab, quote or line break. */
    static String field(String value) {
        if (value.indexOf('\t') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private Result write(List<QuestionSet> sets, Path out) throws IOException {
        String text = notes(sets);
        Path target = out.toAbsolutePath().normalize();
        dev.lectern.files.AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
        int notes = sets.stream().mapToInt(s -> s.questions().size()).sum();
        return new Result(target, notes, Files.size(target));
    }
}
