package dev.lectern.course.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.internal.CourseSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code readings/<id>.md}: YAML front matter between {@code ---} lines, then {@code ## } sections.
 * Under {@code ## Slides} each {@code ### } heading starts a slide excerpt, whose optional
 * {@code {page=N image=path}} attributes end the heading line.
 */
final class MarkdownReadingParser {

    private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,6}");

    private static final Parser MARKDOWN = Parser.builder().build();

    private final Path root;

    MarkdownReadingParser(Path root) {
        this.root = root;
    }

    Optional<ReadingFields.ParsedReading> parse(Path file, String text, Problems problems) {
        FrontMatter split = FrontMatter.split(text);
        if (split.openingMissing()) {
            problems.error(file, 1, 1, "A Markdown reading must start with front matter: a line \"---\", the"
                    + " reading's keys (id, title, week ...), and another line \"---\".");
            return Optional.empty();
        }
        if (split.closingMissing()) {
            problems.error(file, 1, 1, "The front matter opened by the \"---\" on line 1 is never closed;"
                    + " add a line \"---\" after the last key.");
            return Optional.empty();
        }
        Fields fields = new Fields(file, problems);
        dev.lectern.course.load.Node tree = new NodeParser(file, NodeParser.Syntax.YAML, 1, problems).parse(split.yaml());
        if (tree == null) {
            return Optional.empty();
        }
        Optional<dev.lectern.course.load.Node.ObjectNode> object = fields.asObject(tree, "The front matter");
        if (object.isEmpty()) {
            return Optional.empty();
        }
        fields.warnUnknownKeys(object.get(), ReadingFields.METADATA_KEYS, "in the front matter");
        Optional<ReadingFields.Metadata> metadata = ReadingFields.read(object.get(), fields);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        Body body = readBody(file, split.body(), split.bodyLine(), problems);
        return Optional.of(ReadingFields.build(metadata.get(), body.abstractMarkdown, body.slides, body.notes,
                body.others, file));
    }

    private static final class Body {
        String abstractMarkdown = "";
        String notes = "";
        final List<SlideExcerpt> slides = new ArrayList<>();
        final List<Section> others = new ArrayList<>();
    }

    private Body readBody(Path file, String body, int bodyLine, Problems problems) {
        Body out = new Body();
        Document document = MARKDOWN.parse(body);
        checkImages(file, document, bodyLine, problems);

        List<Heading> sections = new ArrayList<>();
        for (Node child : document.getChildren()) {
            if (child instanceof Heading heading && heading.getLevel() <= 2) {
                sections.add(heading);
            }
        }
        int firstStart = sections.isEmpty() ? body.length() : sections.get(0).getStartOffset();
        String preamble = CourseSyntax.trimBlankLines(body.substring(0, firstStart));
        if (!preamble.isEmpty()) {
            // Text before the first section is still the author's; keep it as an untitled section.
            out.others.add(new Section("", preamble));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            Heading heading = sections.get(i);
            int end = i + 1 < sections.size() ? sections.get(i + 1).getStartOffset() : body.length();
            int contentStart = Math.min(end, heading.getEndOffset());
            String title = heading.getText().toString().strip();
            String content = body.substring(contentStart, end);
            String key = title.toLowerCase(Locale.ROOT);
            int line = document.getLineNumber(heading.getStartOffset()) + bodyLine;
            boolean known = key.equals("abstract") || key.equals("slides") || key.equals("notes");
            if (heading.getLevel() == 1) {
                problems.warning(file, line, 1, "\"# " + title + "\" is a level-1 heading; sections of a reading are"
                        + " level-2 headings (\"## \"). It is kept as a section.");
            }
            if (known && !seen.add(key)) {
                problems.warning(file, line, 1, "A second \"## " + title + "\" section; it is kept as an extra section.");
                known = false;
            }
            if (!known || heading.getLevel() == 1) {
                out.others.add(new Section(title, CourseSyntax.trimBlankLines(content)));
            } else if (key.equals("abstract")) {
                out.abstractMarkdown = CourseSyntax.trimBlankLines(content);
            } else if (key.equals("notes")) {
                out.notes = CourseSyntax.trimBlankLines(content);
            } else {
                readSlides(file, body, document, contentStart, end, bodyLine, problems, out.slides);
            }
        }
        return out;
    }

    private void readSlides(Path file, String body, Document document, int start, int end, int bodyLine,
            Problems problems, List<SlideExcerpt> slides) {
        List<Heading> headings = new ArrayList<>();
        for (Node child : document.getChildren()) {
            if (child instanceof Heading heading && heading.getLevel() == 3
                    && heading.getStartOffset() >= start && heading.getStartOffset() < end) {
                headings.add(heading);
            }
        }
        int firstStart = headings.isEmpty() ? end : headings.get(0).getStartOffset();
        String before = CourseSyntax.trimBlankLines(body.substring(start, firstStart));
        if (!before.isEmpty()) {
            int line = document.getLineNumber(start) + bodyLine;
            problems.warning(file, line, 1, "Text under \"## Slides\" before the first \"### \" slide heading;"
                    + " it is kept as an untitled slide excerpt.");
            slides.add(new SlideExcerpt("", before, Optional.empty(), OptionalInt.empty()));
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            int slideEnd = i + 1 < headings.size() ? headings.get(i + 1).getStartOffset() : end;
            String content = CourseSyntax.trimBlankLines(body.substring(Math.min(slideEnd, heading.getEndOffset()), slideEnd));
            int line = document.getLineNumber(heading.getStartOffset()) + bodyLine;
            String headingText = heading.getText().toString();
            int textColumn = columnOf(body, heading.getText().getStartOffset());
            slides.add(slide(file, headingText, content, line, textColumn, problems));
        }
    }

    private SlideExcerpt slide(Path file, String headingText, String content, int line, int textColumn, Problems problems) {
        Matcher attributes = CourseSyntax.ATTRIBUTES.matcher(headingText);
        if (!attributes.find()) {
            return new SlideExcerpt(headingText.strip(), content, Optional.empty(), OptionalInt.empty());
        }
        String title = headingText.substring(0, attributes.start()).strip();
        String inside = attributes.group(1);
        int braceColumn = textColumn + headingText.indexOf('{', attributes.start());
        Optional<String> image = Optional.empty();
        OptionalInt page = OptionalInt.empty();
        Matcher attribute = CourseSyntax.ATTRIBUTE.matcher(inside);
        int consumed = 0;
        while (attribute.find() && attribute.start() == consumed) {
            consumed = attribute.end();
            String key = attribute.group(1);
            String value = CourseSyntax.unquote(attribute.group(2));
            int column = braceColumn + 1 + attribute.start(1);
            switch (key) {
                case "page" -> {
                    if (PAGE_NUMBER.matcher(value).matches()) {
                        page = OptionalInt.of(Integer.parseInt(value));
                    } else {
                        problems.error(file, line, column, "\"page\" should be a whole number such as page=12, not \""
                                + Words.abbreviate(value) + "\".");
                    }
                }
                case "image" -> image = ImagePaths.check(root, file, value, line, column, problems);
                default -> problems.warning(file, line, column, "Unknown slide attribute \"" + key
                        + "\" (it is ignored); a slide heading takes page=N and image=path.");
            }
        }
        if (!inside.substring(consumed).isBlank()) {
            problems.warning(file, line, braceColumn + 1 + consumed, "Could not read \""
                    + Words.abbreviate(inside.substring(consumed).strip())
                    + "\" in the slide attributes; write them as {page=12 image=images/slide-12.png}.");
        }
        return new SlideExcerpt(title, content, image, page);
    }

    private void checkImages(Path file, Document document, int bodyLine, Problems problems) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Image image) {
                int offset = image.getUrl().getStartOffset();
                ImagePaths.check(root, file, image.getUrl().toString(), document.getLineNumber(offset) + bodyLine,
                        columnOf(document.getChars().toString(), offset), problems);
            }
        }
    }

    /** 1-based column of a character offset. */
    private static int columnOf(String text, int offset) {
        int lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
        return offset - lineStart + 1;
    }

    /** A Markdown file cut into its YAML front matter and its body. */
    record FrontMatter(String yaml, String body, int bodyLine, boolean openingMissing, boolean closingMissing) {

        static FrontMatter split(String text) {
            List<String> lines = text.lines().toList();
            if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
                return new FrontMatter("", text, 1, true, false);
            }
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i).stripTrailing();
                if (line.equals("---") || line.equals("...")) {
                    String yaml = String.join("\n", lines.subList(1, i));
                    int bodyStart = offsetOfLine(text, i + 1);
                    return new FrontMatter(yaml, text.substring(bodyStart), i + 2, false, false);
                }
            }
            return new FrontMatter("", "", 1, false, true);
        }

        private static int offsetOfLine(String text, int lineIndex) {
            int offset = 0;
            for (int line = 0; line < lineIndex && offset < text.length(); line++) {
                int lf = text.indexOf('\n', offset);
                int cr = text.indexOf('\r', offset);
                if (lf < 0 && cr < 0) {
                    return text.length();
                }
                if (cr >= 0 && (lf < 0 || cr < lf)) {
                    offset = cr + 1 < text.length() && text.charAt(cr + 1) == '\n' ? cr + 2 : cr + 1;
                } else {
                    offset = lf + 1;
                }
            }
            return Math.min(offset, text.length());
        }
    }
}
