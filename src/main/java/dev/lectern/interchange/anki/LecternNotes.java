package dev.lectern.interchange.anki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.ReadingKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.PlanBuilder;
import dev.lectern.interchange.ReadingDraft;
import dev.lectern.interchange.SetDraft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Notes that Lectern exported (they carry a "Lectern id" field), given back as the question sets they came from: the
 * same set and question ids, set titles, key points and readings, instead of what a foreign note would become.
 */
final class LecternNotes {

    /** An id as Lectern writes them: safe as a file name on every system. */
    private static final String ONE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    /** A note's Lectern id: a set id, a slash, a question id. */
    private static final Pattern ID = Pattern.compile("(" + ONE_ID + ")/(" + ONE_ID + ")");

    /** One exported question, its prompt and answer already Markdown. */
    record Note(String setId, String questionId, String setTitle, List<String> readingIds, String prompt,
            String answer, List<KeyPoint> keyPoints, List<String> tags, int line) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LecternNotes() {
    }

    /** The set id and question id of a "Lectern id" field, or empty when the field is not one. */
    static Optional<String[]> id(String field) {
        Matcher m = ID.matcher(text(field));
        return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }

    /** A field of plain text written as HTML (entities and all): its text. */
    static String text(String html) {
        return Jsoup.parseBodyFragment(html).body().text().strip();
    }

    /** The reading ids of a "Reading" field: comma-separated; anything that is no id is left out. */
    static List<String> readingIds(String field) {
        List<String> ids = new ArrayList<>();
        for (String id : text(field).split(",")) {
            if (id.strip().matches(ONE_ID)) {
                ids.add(id.strip());
            }
        }
        return ids;
    }

    /** The key points of a "Key points" field: the items of its list, with the phrasings they accept. */
    static List<KeyPoint> keyPoints(String html) {
        List<KeyPoint> points = new ArrayList<>();
        for (Element li : Jsoup.parseBodyFragment(html).body().select("li")) {
            if (li.text().isBlank()) {
                continue;
            }
            List<String> accepted = new ArrayList<>();
            try {
                JSON.readTree(li.attr(CardHtml.ACCEPT).isBlank() ? "[]" : li.attr(CardHtml.ACCEPT))
                        .forEach(a -> accepted.add(a.asText()));
            } catch (JsonProcessingException e) {
                // Edited in Anki beyond reading: the point without its other phrasings.
            }
            points.add(new KeyPoint(li.text().strip(), accepted));
        }
        return points;
    }

    /** The back of a Basic card without the key points Lectern lists after the answer (they have their own column). */
    static String withoutKeyPoints(String backHtml) {
        Element body = Jsoup.parseBodyFragment(backHtml).body();
        for (Element p : body.select("p")) {
            Element next = p.nextElementSibling();
            if (p.text().strip().equals(CardHtml.KEY_POINTS_LABEL) && p.selectFirst("i") != null && next != null
                    && next.tagName().equals("ul") && p.parent() == body) {
                next.remove();
                p.remove();
                break;
            }
        }
        return body.html();
    }

    /** The question's own tags: without the set:: and reading:: tags the export adds. */
    static List<String> ownTags(List<String> tags) {
        return tags.stream().filter(t -> !t.startsWith("set::") && !t.startsWith("reading::")).toList();
    }

    /**
     * Places the notes' sets, each under its own id and drilling its own readings: the course's reading of that id, or
     * a stub reading of that id when the course has none; {@link ImportOptions#reading()} overrides them all.
     */
    static void place(PlanBuilder builder, ImportOptions options, Path file, List<Note> notes) {
        ImportReport.Builder report = builder.report();
        Map<String, SetDraft> sets = new LinkedHashMap<>();
        Map<String, List<String>> readings = new LinkedHashMap<>();
        for (Note n : notes) {
            SetDraft set = sets.computeIfAbsent(n.setId(), id -> new SetDraft(file, n.line(),
                    n.setTitle().isBlank() ? id : n.setTitle(), n.setTitle(), id));
            readings.computeIfAbsent(n.setId(), id -> n.readingIds());
            Map<String, List<String>> accepted = new LinkedHashMap<>();
            n.keyPoints().stream().filter(k -> !k.accepted().isEmpty()).forEach(k -> accepted.put(k.text(),
                    k.accepted()));
            set.questions.add(new SetDraft.QuestionDraft(n.questionId(), n.prompt(), n.answer(),
                    n.keyPoints().stream().map(KeyPoint::text).toList(), n.tags(), n.line(), accepted));
        }
        for (Map.Entry<String, SetDraft> e : sets.entrySet()) {
            SetDraft set = e.getValue();
            List<String> placed = new ArrayList<>();
            if (options.reading().isPresent()) {
                String id = options.reading().get().strip();
                if (!builder.readingExists(id)) {
                    report.skipped(file, 1, "The course has no reading \"" + id + "\" (given with --reading), so the"
                            + " question set " + e.getKey() + " is not imported.");
                    continue;
                }
                placed.add(id);
            } else {
                List<String> wanted = readings.get(e.getKey());
                for (String id : wanted.isEmpty() ? List.of(e.getKey()) : wanted) {
                    if (builder.readingExists(id)) {
                        placed.add(id);
                        continue;
                    }
                    ReadingDraft stub = new ReadingDraft(file, 1, id);
                    stub.kind = ReadingKind.OTHER;
                    String made = builder.addReading(stub, id);
                    placed.add(made);
                    report.warning(file, 1, "The course has no reading " + id + ", which the question set "
                            + e.getKey() + " drills, so a stub reading " + made + " is created for it; fill it in, or"
                            + " import again with --reading ID.");
                }
            }
            builder.addSet(set, e.getKey(), placed);
        }
    }
}
