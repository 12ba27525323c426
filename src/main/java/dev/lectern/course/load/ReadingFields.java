package dev.lectern.course.load;

import dev.lectern.course.Link;
import dev.lectern.course.LinkKind;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.Section;
import dev.lectern.course.Session;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.SourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metadata of a reading, read from YAML front matter or from a JSON reading (same keys), plus the parts
 * both formats share. The body (abstract, slides, notes) is read by the format's own parser.
 */
final class ReadingFields {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");

    static final Set<String> METADATA_KEYS = Set.of("id", "title", "shortTitle", "kind", "authors", "year",
            "venue", "links", "week", "session", "tags", "questionSets");

    /** The metadata, or empty if a required key is missing (the reading is then left out). */
    record Metadata(String id, int idLine, int idColumn, String title, String shortTitle, ReadingKind kind,
            List<String> authors, OptionalInt year, Optional<String> venue, List<Link> links, int week,
            Optional<Session> session, List<String> tags, List<String> questionSetIds,
            List<Node> questionSetNodes, int line) {
    }

    /** A reading with the places the loader's cross-file checks point at. */
    record ParsedReading(Reading reading, int idLine, int idColumn, List<Node> questionSetNodes) {
    }

    private ReadingFields() {
    }

    static ParsedReading build(Metadata m, String abstractMarkdown, List<SlideExcerpt> slides, String notes,
            List<Section> sections, Path file) {
        Reading reading = new Reading(m.id(), m.title(), m.shortTitle(), m.kind(), m.authors(), m.year(), m.venue(),
                m.links(), m.week(), m.session(), m.tags(), m.questionSetIds(), abstractMarkdown, slides, notes,
                sections, new SourceRef(file, m.line()));
        return new ParsedReading(reading, m.idLine(), m.idColumn(), m.questionSetNodes());
    }

    static Optional<Metadata> read(Node.ObjectNode object, Fields fields) {
        Path file = fields.file();
        Problems problems = fields.problems();
        Optional<String> id = fields.requiredText(object, "id", "the reading's id, which is its file name");
        Optional<String> title = fields.requiredText(object, "title", "the reading's full title");
        OptionalInt week = fields.requiredInt(object, "week", "the course week this reading belongs to, such as 7");
        boolean usableId = id.map(value -> checkId(value, fields.field(object, "id").orElseThrow(), file, problems,
                "reading", ".md", ".json")).orElse(false);

        String shortTitle = fields.optionalText(object, "shortTitle").map(String::strip).orElse(title.orElse(""));
        ReadingKind kind = fields.oneOf(object, "kind", ReadingKind::fromKey, ReadingKind.PAPER,
                written -> "\"kind\" should be paper, slides, thesis or other, not \"" + written + "\"; using paper.");
        List<String> authors = fields.textList(object, "authors");
        OptionalInt year = fields.optionalInt(object, "year", "the year of publication, such as 2023");
        Optional<String> venue = fields.optionalText(object, "venue").map(String::strip);
        List<Link> links = links(object, fields);
        Optional<Session> session = session(object, fields);
        List<String> tags = fields.textList(object, "tags");
        List<String> setIds = fields.textList(object, "questionSets");
        List<Node> setNodes = fields.list(object, "questionSets");

        if (!usableId || title.isEmpty() || week.isEmpty()) {
            return Optional.empty();
        }
        Node.Field idField = fields.field(object, "id").orElseThrow();
        return Optional.of(new Metadata(id.get().strip(), idField.value().line(), idField.value().column(),
                title.get().strip(), shortTitle, kind, authors, year, venue, links, week.getAsInt(), session, tags,
                setIds, setNodes, object.line()));
    }

    /**
     * Ids are slugs and match the file name; both are warnings, since the course still works. An id that reads as a
     * path ({@code ..}, {@code /} or {@code \} in it) is an error, and false: the reading or set is left out, since
     * Lectern names files and folders after ids.
     *
     * @param what "reading" or "question set", for the message
     */
    static boolean checkId(String id, Node.Field field, Path file, Problems problems, String what,
            String... extensions) {
        Node v = field.value();
        String slug = id.strip();
        if (slug.contains("..") || slug.contains("/") || slug.contains("\\")) {
            problems.error(file, v.line(), v.column(), "The id \"" + Words.abbreviate(id) + "\" reads as a path (it"
                    + " holds \"..\", \"/\" or \"\\\"), so this " + what + " is left out; an id is a short slug of"
                    + " lower-case letters, digits and dashes, such as \"llava\".");
            return false;
        }
        if (!SLUG.matcher(slug).matches()) {
            problems.warning(file, v.line(), v.column(), "The id \"" + Words.abbreviate(id)
                    + "\" should be a short slug of lower-case letters, digits and dashes, such as \"llava\".");
        }
        String name = file.getFileName().toString();
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                String stem = name.substring(0, name.length() - extension.length());
                if (!stem.equals(slug)) {
                    problems.warning(file, v.line(), v.column(), "The id \"" + Words.abbreviate(id)
                            + "\" differs from the file name \"" + name + "\"; name the file " + slug + extension
                            + " so the two are easy to match.");
                }
            }
        }
        return true;
    }

    private static List<Link> links(Node.ObjectNode object, Fields fields) {
        Optional<Node.Field> field = fields.field(object, "links");
        if (field.isEmpty() || Fields.isNull(field.get().value())) {
            return List.of();
        }
        Optional<Node.ObjectNode> linksObject = fields.asObject(field.get().value(), "\"links\"");
        if (linksObject.isEmpty()) {
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        for (Node.Field link : linksObject.get().fields().values()) {
            Optional<LinkKind> kind = LinkKind.fromKey(link.key());
            if (kind.isEmpty()) {
                String hint = Fields.closest(link.key(), List.of("arxiv", "pdf", "code", "project"))
                        .map(k -> " Did you mean \"" + k + "\"?").orElse(" Known links are arxiv, pdf, code and project.");
                fields.problems().warning(fields.file(), link.line(), link.column(),
                        "Unknown link \"" + link.key() + "\" (it is ignored)." + hint);
                continue;
            }
            Optional<String> url = Fields.isNull(link.value()) ? Optional.empty() : fields.text(link.value(), link.key());
            if (url.isEmpty() || url.get().isBlank()) {
                continue;
            }
            String u = url.get().strip();
            if (!WEB_ADDRESS.matcher(u).matches()) {
                fields.problems().warning(fields.file(), link.value().line(), link.value().column(),
                        "The " + link.key() + " link \"" + Words.abbreviate(u)
                                + "\" is not a web address starting with http:// or https://; it is ignored.");
                continue;
            }
            links.add(new Link(kind.get(), u));
        }
        links.sort(java.util.Comparator.comparing(Link::kind));
        return links;
    }

    private static Optional<Session> session(Node.ObjectNode object, Fields fields) {
        Optional<Node.Field> field = fields.field(object, "session");
        if (field.isEmpty() || Fields.isNull(field.get().value())) {
            return Optional.empty();
        }
        Node value = field.get().value();
        if (value instanceof Node.ScalarNode) {
            // "session: 2" is a common shorthand.
            OptionalInt number = fields.integer(value, "session", "the session number within the week");
            return number.isPresent() ? Optional.of(new Session(number.getAsInt(), "")) : Optional.empty();
        }
        Optional<Node.ObjectNode> sessionObject = fields.asObject(value, "\"session\"");
        if (sessionObject.isEmpty()) {
            return Optional.empty();
        }
        fields.warnUnknownKeys(sessionObject.get(), Set.of("number", "label"), "in \"session\"");
        OptionalInt number = fields.optionalInt(sessionObject.get(), "number", "the session number within the week");
        String label = fields.optionalText(sessionObject.get(), "label").map(String::strip).orElse("");
        return Optional.of(new Session(number.orElse(1), label));
    }
}
