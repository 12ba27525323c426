package dev.lectern.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.search.CourseIndex;
import dev.lectern.search.HitKind;
import dev.lectern.search.SearchHit;
import dev.lectern.search.SearchResults;
import dev.lectern.search.SnippetPart;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lectern search QUERY}: the app's search box at the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Searches the course's readings and questions as the app's search box does (the words as"
                + " typed first, then words that share their stem) and prints one line per hit: kind, reading, slide"
                + " or question, and a snippet with the matched words in [brackets]. With --json, a JSON array of"
                + " objects with kind, readingId, setId, questionId, slide, title and snippet.",
                "Exit code: 0 (also when nothing matches), 2 on a usage error."})
final class SearchCommand extends PrintingCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CourseOption course;

    @Option(names = "--json", description = "Print a JSON array instead of lines.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N readings and N questions (default ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The words to look for.")
    List<String> words;

    @Override
    protected int run(PrintWriter out, PrintWriter err) throws IOException {
        if (limit < 1) {
            throw usageError("--limit must be 1 or more, not " + limit + ".");
        }
        String query = String.join(" ", words).strip();
        if (query.isEmpty()) {
            throw usageError("Give the words to look for.");
        }
        Course c = CourseLoader.load(course.dir()).course();
        List<SearchHit> hits = new ArrayList<>();
        try (CourseIndex index = CourseIndex.build(c)) {
            SearchResults results = index.search(query, limit);
            hits.addAll(results.readings());
            hits.addAll(results.questions());
        }
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (SearchHit h : hits) {
                ObjectNode o = array.addObject();
                o.put("kind", h.kind().name().toLowerCase(Locale.ROOT));
                o.put("readingId", h.readingId());
                o.put("setId", h.setId());
                o.put("questionId", h.questionId());
                OptionalInt slide = slide(c, h);
                if (slide.isPresent()) {
                    o.put("slide", slide.getAsInt());
                } else {
                    o.putNull("slide");
                }
                o.put("title", h.title());
                o.put("snippet", h.snippet().stream().map(SnippetPart::text).collect(Collectors.joining()));
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (hits.isEmpty()) {
            out.println("Nothing in the course matches \u201C" + query + "\u201D.");
        } else {
            for (SearchHit h : hits) {
                out.println(line(c, h));
            }
        }
        out.flush();
        return 0;
    }

    private static String line(Course c, SearchHit h) {
        String where;
        if (h.kind() == HitKind.READING) {
            OptionalInt slide = slide(c, h);
            where = h.readingId() + (slide.isPresent() ? ", slide " + slide.getAsInt() : "");
        } else {
            where = h.setId() + "/" + h.questionId();
        }
        String snippet = h.snippet().stream().map(p -> p.highlighted() ? "[" + p.text() + "]" : p.text())
                .collect(Collectors.joining()).replaceAll("\\s+", " ").strip();
        return (h.kind() == HitKind.READING ? "reading  " : "question ") + where + "  " + h.title()
                + (snippet.isEmpty() ? "" : "\n    " + snippet);
    }

    /** For a reading hit, the first slide (from 1) whose text holds a highlighted word of the snippet. */
    static OptionalInt slide(Course c, SearchHit h) {
        if (h.kind() != HitKind.READING) {
            return OptionalInt.empty();
        }
        Optional<Reading> reading = c.reading(h.readingId());
        List<String> marked = h.snippet().stream().filter(SnippetPart::highlighted)
                .map(p -> p.text().toLowerCase(Locale.ROOT).strip()).filter(t -> !t.isEmpty()).toList();
        if (reading.isEmpty() || marked.isEmpty()) {
            return OptionalInt.empty();
        }
        List<SlideExcerpt> slides = reading.get().slides();
        for (int i = 0; i < slides.size(); i++) {
            String text = (slides.get(i).title() + "\n" + slides.get(i).markdown()).toLowerCase(Locale.ROOT);
            if (marked.stream().anyMatch(text::contains)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }
}
