package dev.lectern.course.edit;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.internal.CourseSyntax;
import dev.lectern.course.load.Node;
import dev.lectern.course.load.NodeParser;
import dev.lectern.course.load.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown reading open for editing. The front matter is kept as one block of lines per top-level key (with
 * the comments and blank lines above it), the body as one piece of text per {@code ## } section and per
 * {@code ### } slide; an edit rewrites only the blocks and pieces it concerns and copies the others verbatim.
 */
final class MarkdownReadingDocument extends ReadingDocument {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z_$][\\w$.-]*|\"[^\"]*\"|'[^']*')[ \\t]*:(\\s|$)");

    private enum Kind { ABSTRACT, SLIDES, NOTES, OTHER }

    /** A top-level front matter key with its lines; {@code key} is null for comments before the first key. */
    private static final class Block {
        final String key;
        final String prefix;
        String text;

        Block(String key, String prefix, String text) {
            this.key = key;
            this.prefix = prefix;
            this.text = text;
        }
    }

    /** A {@code ## } section: its text from the heading to the next section, and what it holds. */
    private static final class Part {
        final Kind kind;
        final String title;
        String raw;
        String content;

        Part(Kind kind, String title, String raw, String content) {
            this.kind = kind;
            this.title = title;
            this.raw = raw;
            this.content = content;
        }
    }

    /** A {@code ### } slide under {@code ## Slides}. */
    private record SlidePart(String raw, SlideExcerpt value) {
    }

    private final byte[] original;
    private final String prefix;
    private final String opening;
    private final String yaml;
    private final String closing;
    private final String body;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Object> values;
    private final String preamble;
    private final List<Part> parts = new ArrayList<>();
    private String slidesIntro = "";
    private String slidesHead = "";
    private final List<SlidePart> slideParts = new ArrayList<>();
    private boolean frontMatterModified;
    private boolean bodyModified;

    private MarkdownReadingDocument(byte[] original, String text) throws DocumentSyntaxException {
        this.original = original;
        this.prefix = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        List<String> lines = linesWithEnds(text.substring(prefix.length()));
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new DocumentSyntaxException("A Markdown reading must start with front matter between \"---\" lines.");
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new DocumentSyntaxException("The front matter opened by the \"---\" on line 1 is never closed.");
        }
        opening = lines.get(0);
        yaml = String.join("", lines.subList(1, close));
        closing = lines.get(close);
        body = String.join("", lines.subList(close + 1, lines.size()));

        Problems problems = new Problems();
        Node tree = new NodeParser(Path.of("front matter"), NodeParser.Syntax.YAML, 1, problems).parse(yaml);
        if (!(tree instanceof Node.ObjectNode object)) {
            throw new DocumentSyntaxException("The front matter is not a group of \"key: value\" lines"
                    + problems.list().stream().findFirst().map(p -> " (line " + p.line() + ": " + p.message() + ")")
                            .orElse("") + ".");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plainValues = (Map<String, Object>) plain(object);
        values = plainValues;
        splitBlocks();
        preamble = splitBody();
    }

    static MarkdownReadingDocument parseMarkdown(byte[] bytes) throws DocumentSyntaxException {
        return new MarkdownReadingDocument(bytes.clone(), JsonDocument.decode(bytes));
    }

    static MarkdownReadingDocument create(String id, String title, int week) {
        String text = "---\n" + block("id", id) + block("title", title) + block("week", (long) week) + "---\n";
        try {
            return parseMarkdown(text.getBytes(StandardCharsets.UTF_8));
        } catch (DocumentSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> linesWithEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    // ------------------------------------------------------------------ reading the structure

    private void splitBlocks() {
        StringBuilder pending = new StringBuilder();
        Block current = new Block(null, "", "");
        blocks.add(current);
        for (String line : linesWithEnds(yaml)) {
            Matcher key = KEY_LINE.matcher(line);
            if (key.find()) {
                String name = key.group(1);
                if (name.startsWith("\"") || name.startsWith("'")) {
                    name = name.substring(1, name.length() - 1);
                }
                current = new Block(name, pending.toString(), line);
                pending.setLength(0);
                blocks.add(current);
            } else if (line.isBlank() || line.startsWith("#")) {
                pending.append(line);
            } else {
                current.text += pending + line;
                pending.setLength(0);
            }
        }
        blocks.add(new Block(null, pending.toString(), ""));
    }

    private String splitBody() {
        Document document = MARKDOWN.parse(body);
        List<Heading> headings = new ArrayList<>();
        for (com.vladsch.flexmark.util.ast.Node child : document.getChildren()) {
            if (child instanceof Heading heading && heading.getLevel() <= 2) {
                headings.add(heading);
            }
        }
        int firstStart = headings.isEmpty() ? body.length() : headings.get(0).getStartOffset();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            int start = heading.getStartOffset();
            int end = i + 1 < headings.size() ? headings.get(i + 1).getStartOffset() : body.length();
            int contentStart = Math.min(end, heading.getEndOffset());
            String title = heading.getText().toString().strip();
            String key = title.toLowerCase(Locale.ROOT);
            // The same rules as MarkdownReadingParser, so a part is what the loader takes it for.
            boolean known = key.equals("abstract") || key.equals("slides") || key.equals("notes");
            if (known && !seen.add(key)) {
                known = false;
            }
            Kind kind = !known || heading.getLevel() == 1 ? Kind.OTHER
                    : key.equals("abstract") ? Kind.ABSTRACT : key.equals("notes") ? Kind.NOTES : Kind.SLIDES;
            String content = CourseSyntax.trimBlankLines(body.substring(contentStart, end));
            parts.add(new Part(kind, title, body.substring(start, end), content));
            if (kind == Kind.SLIDES) {
                splitSlides(document, start, contentStart, end);
            }
        }
        return body.substring(0, firstStart);
    }

    private void splitSlides(Document document, int start, int contentStart, int end) {
        List<Heading> headings = new ArrayList<>();
        for (com.vladsch.flexmark.util.ast.Node child : document.getChildren()) {
            if (child instanceof Heading heading && heading.getLevel() == 3
                    && heading.getStartOffset() >= contentStart && heading.getStartOffset() < end) {
                headings.add(heading);
            }
        }
        int firstStart = headings.isEmpty() ? end : headings.get(0).getStartOffset();
        slidesHead = body.substring(start, firstStart);
        slidesIntro = CourseSyntax.trimBlankLines(body.substring(contentStart, firstStart));
        for (int i = 0; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            int slideEnd = i + 1 < headings.size() ? headings.get(i + 1).getStartOffset() : end;
            String content = CourseSyntax.trimBlankLines(
                    body.substring(Math.min(slideEnd, heading.getEndOffset()), slideEnd));
            slideParts.add(new SlidePart(body.substring(heading.getStartOffset(), slideEnd),
                    slide(heading.getText().toString(), content)));
        }
    }

    /** A slide heading's title and {page=N image=path} attributes, read as the loader reads them. */
    private static SlideExcerpt slide(String headingText, String content) {
        Matcher attributes = CourseSyntax.ATTRIBUTES.matcher(headingText);
        if (!attributes.find()) {
            return new SlideExcerpt(headingText.strip(), content, Optional.empty(), OptionalInt.empty());
        }
        Optional<String> image = Optional.empty();
        OptionalInt page = OptionalInt.empty();
        Matcher attribute = CourseSyntax.ATTRIBUTE.matcher(attributes.group(1));
        int consumed = 0;
        while (attribute.find() && attribute.start() == consumed) {
            consumed = attribute.end();
            String value = CourseSyntax.unquote(attribute.group(2));
            if (attribute.group(1).equals("page") && value.matches("\\d{1,6}")) {
                page = OptionalInt.of(Integer.parseInt(value));
            } else if (attribute.group(1).equals("image") && !value.isBlank()) {
                image = Optional.of(value.strip());
            }
        }
        return new SlideExcerpt(headingText.substring(0, attributes.start()).strip(), content, image, page);
    }

    // ------------------------------------------------------------------ metadata

    @Override
    Object metadata(String key) {
        return values.get(key);
    }

    @Override
    void setMetadata(String key, Object value) {
        if (Objects.equals(values.get(key), value)) {
            return;
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        frontMatterModified = true;
        for (Block b : blocks) {
            if (key.equals(b.key)) {
                b.text = value == null ? "" : block(key, value);
                return;
            }
        }
        if (value != null) {
            blocks.add(blocks.size() - 1, new Block(key, "", block(key, value)));
        }
    }

    /** One key's lines as YAML: flow lists, nested maps of scalars, plain or double-quoted scalars. */
    static String block(String key, Object value) {
        StringBuilder out = new StringBuilder(key).append(':');
        if (value instanceof List<?> list) {
            out.append(" [");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(scalar(list.get(i), true));
            }
            out.append("]\n");
        } else if (value instanceof Map<?, ?> map) {
            out.append('\n');
            map.forEach((k, v) -> out.append("  ").append(k).append(": ").append(scalar(v, false)).append('\n'));
        } else {
            out.append(' ').append(scalar(value, false)).append('\n');
        }
        return out.toString();
    }

    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)~|null|true|false|yes|no|on|off|y|n|[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?|[-+]?\\.(inf|nan)"
                    + "|0x[0-9a-f]+|0o?[0-7]+|\\d{4}-\\d\\d?-\\d\\d?.*|\\d+(:\\d+)+.*");

    static String scalar(Object value, boolean inFlow) {
        if (value == null) {
            return "null";
        }
        if (!(value instanceof String s)) {
            return String.valueOf(value);
        }
        boolean plain = !s.isEmpty() && s.equals(s.strip()) && !LOOKS_TYPED.matcher(s).matches()
                && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0
                && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
                && s.chars().allMatch(QuotedStrings::printableInYaml)
                && !(inFlow && s.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0));
        return plain ? s : QuotedStrings.yaml(s);
    }

    private String frontMatter(boolean canonical) {
        StringBuilder out = new StringBuilder();
        if (!canonical) {
            out.append(blocks.get(0).prefix).append(blocks.get(0).text);
        }
        for (String key : METADATA_ORDER) {
            emitBlock(key, canonical, out);
        }
        List<String> unknown = new ArrayList<>();
        if (canonical) {
            values.keySet().stream().filter(k -> !METADATA_ORDER.contains(k)).forEach(unknown::add);
        } else {
            blocks.stream().filter(b -> b.key != null && !METADATA_ORDER.contains(b.key)).forEach(b -> unknown.add(b.key));
        }
        unknown.stream().distinct().forEach(key -> emitBlock(key, canonical, out));
        if (!canonical) {
            out.append(blocks.get(blocks.size() - 1).prefix);
        }
        return out.toString();
    }

    private void emitBlock(String key, boolean canonical, StringBuilder out) {
        if (canonical) {
            if (values.containsKey(key) && values.get(key) != null) {
                out.append(block(key, values.get(key)));
            }
            return;
        }
        for (Block b : blocks) {
            if (key.equals(b.key)) {
                out.append(b.prefix).append(b.text);
            }
        }
    }

    // ------------------------------------------------------------------ body

    private Optional<Part> part(Kind kind) {
        return parts.stream().filter(p -> p.kind == kind).findFirst();
    }

    @Override
    String prose(Prose section) {
        return part(kind(section)).map(p -> p.content).orElse("");
    }

    private static Kind kind(Prose section) {
        return section == Prose.ABSTRACT ? Kind.ABSTRACT : Kind.NOTES;
    }

    @Override
    void setProse(Prose section, String markdown) {
        Kind kind = kind(section);
        String title = section.heading;
        String content = CourseSyntax.trimBlankLines(markdown == null ? "" : markdown);
        Optional<Part> existing = part(kind);
        if (existing.map(p -> p.content).orElse("").equals(content)) {
            return;
        }
        bodyModified = true;
        if (content.isEmpty()) {
            parts.remove(existing.get());
        } else if (existing.isPresent()) {
            existing.get().raw = section(title, content);
            existing.get().content = content;
        } else {
            parts.add(new Part(kind, title, section(title, content), content));
        }
    }

    private static String section(String title, String content) {
        return "## " + title + "\n" + (content.isEmpty() ? "" : "\n" + content + "\n");
    }

    @Override
    public List<SlideExcerpt> slides() {
        List<SlideExcerpt> out = new ArrayList<>();
        if (!slidesIntro.isEmpty()) {
            out.add(new SlideExcerpt("", slidesIntro, Optional.empty(), OptionalInt.empty()));
        }
        slideParts.forEach(s -> out.add(s.value()));
        return out;
    }

    @Override
    public void setSlides(List<SlideExcerpt> slides) {
        if (slides.equals(slides())) {
            return;
        }
        List<SlideExcerpt> rest = new ArrayList<>(slides);
        String intro = "";
        if (!rest.isEmpty() && !slidesIntro.isEmpty() && rest.get(0).equals(
                new SlideExcerpt("", slidesIntro, Optional.empty(), OptionalInt.empty()))) {
            intro = slidesIntro;
            rest.remove(0);
        }
        List<SlidePart> unused = new ArrayList<>(slideParts);
        List<SlidePart> next = new ArrayList<>();
        for (SlideExcerpt s : rest) {
            SlidePart reused = unused.stream().filter(p -> p.value().equals(s)).findFirst().orElse(null);
            if (reused != null) {
                unused.remove(reused);
                next.add(reused);
            } else {
                next.add(new SlidePart(slideText(s), s));
            }
        }
        bodyModified = true;
        if (!intro.equals(slidesIntro) || slidesHead.isEmpty()) {
            slidesHead = "## Slides\n" + (intro.isEmpty() ? "" : "\n" + intro + "\n");
        }
        slidesIntro = intro;
        slideParts.clear();
        slideParts.addAll(next);
        Optional<Part> part = part(Kind.SLIDES);
        if (next.isEmpty() && intro.isEmpty()) {
            part.ifPresent(parts::remove);
            slidesHead = "";
            return;
        }
        String raw = slidesRaw();
        if (part.isPresent()) {
            part.get().raw = raw;
        } else {
            parts.add(new Part(Kind.SLIDES, "Slides", raw, ""));
        }
    }

    private String slidesRaw() {
        List<String> pieces = new ArrayList<>();
        pieces.add(slidesHead);
        slideParts.forEach(s -> pieces.add(s.raw()));
        return join(pieces);
    }

    private static String slideText(SlideExcerpt s) {
        StringBuilder out = new StringBuilder("###");
        if (!s.title().isEmpty()) {
            out.append(' ').append(s.title());
        }
        List<String> attributes = new ArrayList<>();
        s.page().ifPresent(p -> attributes.add("page=" + p));
        s.image().ifPresent(i -> attributes.add("image=" + (i.matches("[^\\s\"'{}]+") ? i : "\"" + i + "\"")));
        if (!attributes.isEmpty()) {
            out.append(" {").append(String.join(" ", attributes)).append('}');
        }
        out.append('\n');
        if (!s.markdown().isBlank()) {
            out.append('\n').append(CourseSyntax.trimBlankLines(s.markdown())).append('\n');
        }
        return out.toString();
    }

    @Override
    public List<Section> otherSections() {
        List<Section> out = new ArrayList<>();
        String pre = CourseSyntax.trimBlankLines(preamble);
        if (!pre.isEmpty()) {
            out.add(new Section("", pre));
        }
        parts.stream().filter(p -> p.kind == Kind.OTHER).forEach(p -> out.add(new Section(p.title, p.content)));
        return out;
    }

    /** Pieces of text one after another, each but the last followed by a blank line, the last by a newline. */
    private static String join(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            String p = pieces.get(i);
            if (p.isEmpty()) {
                continue;
            }
            out.append(p);
            boolean last = i == pieces.size() - 1;
            if (!p.endsWith("\n")) {
                out.append('\n');
            }
            if (!last && !p.endsWith("\n\n") && !p.endsWith("\r\n\r\n")) {
                out.append(p.endsWith("\r\n") ? "\r\n" : "\n");
            }
        }
        return out.toString();
    }

    private List<Part> ordered() {
        List<Part> out = new ArrayList<>();
        for (Kind kind : List.of(Kind.ABSTRACT, Kind.SLIDES, Kind.NOTES)) {
            part(kind).ifPresent(out::add);
        }
        parts.stream().filter(p -> p.kind == Kind.OTHER).forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------ writing

    @Override
    public boolean isModified() {
        return frontMatterModified || bodyModified;
    }

    @Override
    public byte[] toBytes() {
        if (!isModified()) {
            return original.clone();
        }
        StringBuilder out = new StringBuilder(prefix).append(opening)
                .append(frontMatterModified ? frontMatter(false) : yaml).append(closing);
        if (bodyModified) {
            if (!closing.endsWith("\n") && !closing.endsWith("\r")) {
                out.append('\n');
            }
            List<String> pieces = new ArrayList<>();
            ordered().forEach(p -> pieces.add(p.raw));
            out.append(preamble).append(join(pieces));
        } else {
            out.append(body);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] toCanonicalBytes() {
        StringBuilder out = new StringBuilder("---\n").append(frontMatter(true)).append("---\n");
        List<String> pieces = new ArrayList<>();
        String pre = CourseSyntax.trimBlankLines(preamble);
        if (!pre.isEmpty()) {
            pieces.add(pre + "\n");
        }
        for (Part p : ordered()) {
            if (p.kind == Kind.SLIDES) {
                List<String> slides = new ArrayList<>();
                slides.add("## Slides\n" + (slidesIntro.isEmpty() ? "" : "\n" + slidesIntro + "\n"));
                slideParts.forEach(s -> slides.add(slideText(s.value())));
                pieces.add(join(slides));
            } else {
                pieces.add(section(p.title, p.content));
            }
        }
        if (!pieces.isEmpty()) {
            out.append('\n').append(join(pieces));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** For tests: the metadata as read, in file order. */
    Map<String, Object> metadataView() {
        return new LinkedHashMap<>(values);
    }
}
