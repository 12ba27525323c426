package dev.lectern.course.edit;

import dev.lectern.course.ReadingKind;
import dev.lectern.course.Section;
import dev.lectern.course.Session;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.load.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A reading ({@code readings/<id>.md} with YAML front matter, or {@code readings/<id>.json}) open for editing.
 * It keeps what it does not understand (unknown keys and sections, comments, formatting):
 * {@link #toBytes()} of an untouched document gives the bytes it was read from, and an edit rewrites only what
 * was edited; the rest of the file is copied byte for byte. Front matter keys and sections that are rewritten
 * come in a fixed order: the known keys in the order of the README, then unknown ones as they were; abstract,
 * slides, notes, then other sections as they were.
 */
public abstract sealed class ReadingDocument permits MarkdownReadingDocument, JsonReadingDocument {

    /** The metadata keys in the order they are written. */
    static final List<String> METADATA_ORDER = List.of("id", "title", "shortTitle", "kind", "authors", "year",
            "venue", "links", "week", "session", "tags", "questionSets");
    static final List<String> LINK_ORDER = List.of("arxiv", "pdf", "code", "project");

    /** Opens a reading; {@code file} says which format by its extension ({@code .md} or {@code .json}). */
    public static ReadingDocument parse(Path file, byte[] bytes) throws DocumentSyntaxException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JsonReadingDocument.parseJson(bytes);
        }
        if (name.endsWith(".md")) {
            return MarkdownReadingDocument.parseMarkdown(bytes);
        }
        throw new DocumentSyntaxException("A reading is a .md or .json file, not " + file.getFileName() + ".");
    }

    /** A new Markdown reading with the required keys. */
    public static ReadingDocument createMarkdown(String id, String title, int week) {
        return MarkdownReadingDocument.create(id, title, week);
    }

    // ------------------------------------------------------------------ what a format provides

    /**
     * A metadata value as plain Java: String, Long, Double, Boolean, List, or Map (in file order); null if the
     * key is missing or empty.
     */
    abstract Object metadata(String key);

    /** Sets a metadata value (String, Long, List of String, or Map of String to String); null removes the key. */
    abstract void setMetadata(String key, Object value);

    /** The sections of free Markdown a reading has by name: its key in JSON, its heading in Markdown. */
    enum Prose {
        ABSTRACT("abstract", "Abstract"), NOTES("notes", "Notes");

        final String key;
        final String heading;

        Prose(String key, String heading) {
            this.key = key;
            this.heading = heading;
        }
    }

    /** The section's Markdown; empty if there is none. */
    abstract String prose(Prose section);

    /** Sets the section's Markdown; empty removes the section. */
    abstract void setProse(Prose section, String markdown);

    public String abstractMarkdown() {
        return prose(Prose.ABSTRACT);
    }

    /** An empty abstract removes the section. */
    public void setAbstract(String markdown) {
        setProse(Prose.ABSTRACT, markdown);
    }

    public String notes() {
        return prose(Prose.NOTES);
    }

    /** Empty notes remove the section. */
    public void setNotes(String markdown) {
        setProse(Prose.NOTES, markdown);
    }

    /** The slide excerpts, as the loader reads them (an image path as written, unchecked). */
    public abstract List<SlideExcerpt> slides();

    /** Sets the slide excerpts; each one equal to one already there keeps its text in the file. */
    public abstract void setSlides(List<SlideExcerpt> slides);

    /** The sections other than abstract, slides and notes, in file order. */
    public abstract List<Section> otherSections();

    public abstract boolean isModified();

    /** The file's new bytes: unchanged parts as they were read, edited ones canonical. */
    public abstract byte[] toBytes();

    /** The whole document in the canonical form, whatever the formatting it was read with. */
    public abstract byte[] toCanonicalBytes();

    // ------------------------------------------------------------------ typed metadata

    public String id() {
        return text("id");
    }

    public void setId(String id) {
        setMetadata("id", id);
    }

    public String title() {
        return text("title");
    }

    public void setTitle(String title) {
        setMetadata("title", title);
    }

    public Optional<String> shortTitle() {
        return optionalText("shortTitle");
    }

    /** Empty or null removes the key (the library then shows the title). */
    public void setShortTitle(String shortTitle) {
        setMetadata("shortTitle", blankToNull(shortTitle));
    }

    public Optional<ReadingKind> kind() {
        return optionalText("kind").flatMap(ReadingKind::fromKey);
    }

    /** Null removes the key (the loader then takes paper). */
    public void setKind(ReadingKind kind) {
        setMetadata("kind", kind == null ? null : kind.key());
    }

    public List<String> authors() {
        return texts("authors");
    }

    public void setAuthors(List<String> authors) {
        setMetadata("authors", authors.isEmpty() ? null : List.copyOf(authors));
    }

    public OptionalInt year() {
        return integer("year");
    }

    public void setYear(OptionalInt year) {
        setMetadata("year", year.isPresent() ? (Object) (long) year.getAsInt() : null);
    }

    public Optional<String> venue() {
        return optionalText("venue");
    }

    public void setVenue(String venue) {
        setMetadata("venue", blankToNull(venue));
    }

    /** The links by key ({@code arxiv}, {@code pdf}, {@code code}, {@code project}, and any others written). */
    public Map<String, String> links() {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata("links") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null && !(v instanceof List) && !(v instanceof Map)) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return out;
    }

    /** Sets the links, written arxiv, pdf, code, project first; blank values are left out. */
    public void setLinks(Map<String, String> links) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : LINK_ORDER) {
            String url = links.get(key);
            if (url != null && !url.isBlank()) {
                ordered.put(key, url);
            }
        }
        links.forEach((k, v) -> {
            if (!LINK_ORDER.contains(k) && v != null && !v.isBlank()) {
                ordered.put(k, v);
            }
        });
        setMetadata("links", ordered.isEmpty() ? null : ordered);
    }

    public OptionalInt week() {
        return integer("week");
    }

    public void setWeek(int week) {
        setMetadata("week", (long) week);
    }

    public Optional<Session> session() {
        Object v = metadata("session");
        if (v instanceof Number n) {
            return Optional.of(new Session(n.intValue(), ""));
        }
        if (v instanceof Map<?, ?> map) {
            Object number = map.get("number");
            Object label = map.get("label");
            return Optional.of(new Session(number instanceof Number n ? n.intValue() : 1,
                    label == null ? "" : String.valueOf(label)));
        }
        return Optional.empty();
    }

    /** Sets the session (number and label; an empty label is left out); empty removes it. */
    public void setSession(Optional<Session> session) {
        if (session.isEmpty()) {
            setMetadata("session", null);
            return;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", (long) session.get().number());
        if (!session.get().label().isBlank()) {
            map.put("label", session.get().label());
        }
        setMetadata("session", map);
    }

    public List<String> tags() {
        return texts("tags");
    }

    public void setTags(List<String> tags) {
        setMetadata("tags", tags.isEmpty() ? null : List.copyOf(tags));
    }

    /** The ids of the question sets the reading lists. */
    public List<String> questionSets() {
        return texts("questionSets");
    }

    public void setQuestionSets(List<String> ids) {
        setMetadata("questionSets", ids.isEmpty() ? null : List.copyOf(ids));
    }

    // ------------------------------------------------------------------ helpers

    private String text(String key) {
        return optionalText(key).orElse("");
    }

    private Optional<String> optionalText(String key) {
        Object v = metadata(key);
        if (v == null || v instanceof List || v instanceof Map) {
            return Optional.empty();
        }
        String s = String.valueOf(v);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private List<String> texts(String key) {
        Object v = metadata(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && !(item instanceof List) && !(item instanceof Map)) {
                    out.add(String.valueOf(item));
                }
            }
        } else if (v != null && !(v instanceof Map)) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    private OptionalInt integer(String key) {
        Object v = metadata(key);
        if (v instanceof Long n && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
            return OptionalInt.of(n.intValue());
        }
        if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(s.strip()));
        }
        return OptionalInt.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A JSON or YAML value as plain Java, numbers that are whole as Long. */
    static Object plain(Node node) {
        if (node instanceof Node.ObjectNode object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.fields().forEach((k, f) -> map.put(k, plain(f.value())));
            return map;
        }
        if (node instanceof Node.ArrayNode array) {
            List<Object> list = new ArrayList<>();
            array.items().forEach(item -> list.add(plain(item)));
            return list;
        }
        Object v = ((Node.ScalarNode) node).value();
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return v;
    }

    static Object plain(JsonTree tree) {
        if (tree instanceof JsonTree.JObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.entries.forEach(e -> map.putIfAbsent(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (tree instanceof JsonTree.JArray array) {
            List<Object> list = new ArrayList<>();
            array.items.forEach(item -> list.add(plain(item)));
            return list;
        }
        return ((JsonTree.JScalar) tree).value;
    }

    static JsonTree json(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonTree.JObject object = new JsonTree.JObject();
            map.forEach((k, v) -> object.entries.add(Map.entry(String.valueOf(k), json(v))));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonTree.JArray array = new JsonTree.JArray();
            list.forEach(v -> array.items.add(json(v)));
            return array;
        }
        return new JsonTree.JScalar(value);
    }
}
