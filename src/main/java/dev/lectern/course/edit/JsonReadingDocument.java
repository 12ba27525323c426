package dev.lectern.course.edit;

import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** A reading written as JSON ({@code readings/<id>.json}), open for editing. */
final class JsonReadingDocument extends ReadingDocument {

    static final JsonTree.Shape SLIDE = new JsonTree.Shape(List.of("title", "page", "image", "text"), Map.of());
    static final JsonTree.Shape SECTION = new JsonTree.Shape(List.of("title", "text"), Map.of());
    static final JsonTree.Shape READING = new JsonTree.Shape(
            Stream.of(List.of("$schema"), METADATA_ORDER, List.of("abstract", "slides", "notes", "sections"))
                    .flatMap(List::stream).toList(),
            Map.of("links", new JsonTree.Shape(LINK_ORDER, Map.of()),
                    "session", new JsonTree.Shape(List.of("number", "label"), Map.of()),
                    "slides", SLIDE, "sections", SECTION));

    private final JsonDocument json;

    private JsonReadingDocument(JsonDocument json) {
        this.json = json;
    }

    static JsonReadingDocument parseJson(byte[] bytes) throws DocumentSyntaxException {
        return new JsonReadingDocument(JsonDocument.parse(bytes, READING, "A JSON reading"));
    }

    @Override
    Object metadata(String key) {
        JsonTree v = json.root.get(key);
        return v == null ? null : plain(v);
    }

    @Override
    void setMetadata(String key, Object value) {
        json.root.put(key, value == null ? null : json(value));
    }

    @Override
    String prose(Prose section) {
        return JsonDocument.text(json.root, section.key);
    }

    @Override
    void setProse(Prose section, String markdown) {
        JsonDocument.setText(json.root, section.key, markdown, false);
    }

    @Override
    public List<SlideExcerpt> slides() {
        List<SlideExcerpt> out = new ArrayList<>();
        if (json.root.get("slides") instanceof JsonTree.JArray array) {
            for (JsonTree item : array.items) {
                slide(item).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<SlideExcerpt> slide(JsonTree item) {
        if (!(item instanceof JsonTree.JObject o)) {
            return Optional.empty();
        }
        return Optional.of(new SlideExcerpt(JsonDocument.text(o, "title"), JsonDocument.text(o, "text"),
                JsonDocument.optionalText(o, "image"), JsonDocument.integer(o, "page")));
    }

    @Override
    public void setSlides(List<SlideExcerpt> slides) {
        List<JsonTree> old = json.root.get("slides") instanceof JsonTree.JArray array ? array.items : List.of();
        List<JsonTree> unused = new ArrayList<>(old);
        List<JsonTree> items = new ArrayList<>();
        for (SlideExcerpt s : slides) {
            JsonTree reused = unused.stream().filter(c -> slide(c).filter(s::equals).isPresent()).findFirst()
                    .orElse(null);
            if (reused != null) {
                unused.remove(reused);
                items.add(reused);
                continue;
            }
            JsonTree.JObject o = new JsonTree.JObject();
            o.put("title", JsonTree.string(s.title()));
            OptionalInt page = s.page();
            if (page.isPresent()) {
                o.put("page", JsonTree.number(page.getAsInt()));
            }
            s.image().ifPresent(image -> o.put("image", JsonTree.string(image)));
            o.put("text", JsonTree.string(s.markdown()));
            items.add(o);
        }
        if (items.isEmpty()) {
            json.root.put("slides", null);
        } else if (!items.equals(old)) {
            JsonTree.JArray array = JsonDocument.array(json.root, "slides");
            array.items.clear();
            array.items.addAll(items);
            array.modified = true;
        }
    }

    @Override
    public List<Section> otherSections() {
        List<Section> out = new ArrayList<>();
        if (json.root.get("sections") instanceof JsonTree.JArray array) {
            for (JsonTree item : array.items) {
                if (item instanceof JsonTree.JObject o) {
                    out.add(new Section(JsonDocument.text(o, "title"), JsonDocument.text(o, "text")));
                }
            }
        }
        return out;
    }

    @Override
    public boolean isModified() {
        return json.isModified();
    }

    @Override
    public byte[] toBytes() {
        return json.toBytes();
    }

    @Override
    public byte[] toCanonicalBytes() {
        return json.toCanonicalBytes();
    }
}
