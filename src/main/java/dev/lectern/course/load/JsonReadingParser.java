package dev.lectern.course.load;

import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads {@code readings/<id>.json}: the reading's metadata plus abstract, slides, notes and sections as fields. */
final class JsonReadingParser {

    private static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(ReadingFields.METADATA_KEYS);
        keys.addAll(List.of("$schema", "abstract", "slides", "notes", "sections"));
        KEYS = Set.copyOf(keys);
    }

    private static final Set<String> SLIDE_KEYS = Set.of("title", "text", "image", "page");
    private static final Set<String> SECTION_KEYS = Set.of("title", "text");

    private final Path root;

    JsonReadingParser(Path root) {
        this.root = root;
    }

    Optional<ReadingFields.ParsedReading> parse(Path file, String text, Problems problems) {
        Fields fields = new Fields(file, problems);
        Optional<Node.ObjectNode> object = fields.parseObject(NodeParser.Syntax.JSON, text, "A JSON reading");
        if (object.isEmpty()) {
            return Optional.empty();
        }
        fields.warnUnknownKeys(object.get(), KEYS, "in this reading");
        Optional<ReadingFields.Metadata> metadata = ReadingFields.read(object.get(), fields);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        String abstractMarkdown = fields.optionalText(object.get(), "abstract").orElse("");
        String notes = fields.optionalText(object.get(), "notes").orElse("");
        List<SlideExcerpt> slides = new ArrayList<>();
        for (Node item : fields.list(object.get(), "slides")) {
            fields.asObject(item, "A slide excerpt").ifPresent(slide -> slides.add(slide(file, slide, fields)));
        }
        List<Section> sections = new ArrayList<>();
        for (Node item : fields.list(object.get(), "sections")) {
            fields.asObject(item, "A section").ifPresent(section -> {
                fields.warnUnknownKeys(section, SECTION_KEYS, "in this section");
                String title = fields.optionalText(section, "title").map(String::strip).orElse("");
                sections.add(new Section(title, fields.optionalText(section, "text").orElse("")));
            });
        }
        return Optional.of(ReadingFields.build(metadata.get(), abstractMarkdown, slides, notes, sections, file));
    }

    private SlideExcerpt slide(Path file, Node.ObjectNode slide, Fields fields) {
        fields.warnUnknownKeys(slide, SLIDE_KEYS, "in this slide excerpt");
        String title = fields.optionalText(slide, "title").map(String::strip).orElse("");
        String text = fields.optionalText(slide, "text").orElse("");
        OptionalInt page = fields.optionalInt(slide, "page", "the page of the deck, such as 12");
        Optional<String> image = Optional.empty();
        Optional<Node.Field> imageField = fields.field(slide, "image");
        Optional<String> imageText = fields.optionalText(slide, "image");
        if (imageText.isPresent()) {
            Node v = imageField.orElseThrow().value();
            image = ImagePaths.check(root, file, imageText.get(), v.line(), v.column(), fields.problems());
        }
        return new SlideExcerpt(title, text, image, page);
    }
}
