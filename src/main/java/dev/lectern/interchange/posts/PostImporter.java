package dev.lectern.interchange.posts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lectern.course.LinkKind;
import dev.lectern.course.load.Words;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.ImportText;
import dev.lectern.interchange.PlanBuilder;
import dev.lectern.interchange.ReadingDraft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads Jekyll course-site posts: YAML front matter (title, lecture, tags …) and a readings section
 * ({@code ## Readings:} and its variants) with one {@code ### Title} per paper followed by {@code + } bullets
 * carrying the link, the authors and the abstract. Each paper becomes a reading with the post's title as its
 * session, the week found in the post, and the post's tags.
 */
public final class PostImporter {

    /** Front-matter keys of the course site's posts (and common Jekyll ones). */
    static final List<String> KNOWN_KEYS = List.of("layout", "title", "lecture", "lectureVersion", "extraContent",
            "notes", "video", "tags", "week", "session", "date", "categories", "category", "permalink", "author",
            "excerpt", "description", "desc", "published");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

    private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+|(?=[^#\\s]))(.*?)[ \\t#]*$");
    /** Words that may come with "readings" or "papers" in a readings heading ("Require Readings", "Extra papers"). */
    private static final java.util.Set<String> READINGS_WORDS = java.util.Set.of("required", "require", "requried",
            "more", "further", "optional", "additional", "suggested", "extra", "background", "recommended", "other",
            "key", "core", "main", "assigned", "mandatory", "supplementary", "supplemental", "related", "bonus",
            "week", "weekly", "this", "week's", "todays", "today's", "for", "the", "list", "of", "to", "read", "and",
            "primary", "secondary", "must", "essential", "selected");
    private static final java.util.Set<String> READINGS_NOUNS = java.util.Set.of("reading", "readings", "papers",
            "literature");
    /** A label before a paper's title that is not part of it ("related: LoRA: …", "[optional] …"). */
    private static final String LABELS = "(related|optional|extra|more|required|background|bonus|see also|also|"
            + "further|additional|recommended|supplementary|suggested)";
    private static final Pattern TITLE_LABEL = Pattern.compile("(?i)^([\\[(]" + LABELS + "[\\])]\\s*[:–—-]?\\s*|"
            + LABELS + "\\s*[:–—-]\\s*)");
    private static final Pattern BULLET = Pattern.compile("^\\s*[+*\\-•]\\s+(.*)$");
    private static final Pattern EMPTY_BULLET = Pattern.compile("^\\s*[+*\\-•]\\s*$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern HTML_BLOCK = Pattern.compile("^\\s*<(!--|/?(div|p|img|br|h[1-6]|section|article|table"
            + "|iframe|figure|center|span|a|hr|ul|ol|li|script|style|blockquote|details|video|audio|picture|font|b|i"
            + "|strong|em|small|html|body|head|meta|link)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern WEEK = Pattern.compile("(?i)(?:^|[^a-z])w(?:ee)?k?[\\s_-]*(\\d{1,2})(?!\\d)");
    private static final Pattern WEEK_WORD = Pattern.compile("(?i)\\bweek[\\s_-]*(\\d{1,2})(?!\\d)");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "da", "di", "du", "la", "le",
            "del", "dos", "das", "bin", "al", "el", "ter", "y");

    private final PlanBuilder builder;
    private final ImportReport.Builder report;

    public PostImporter(PlanBuilder builder) {
        this.builder = builder;
        this.report = builder.report();
    }

    /** A front-matter value and the line of its key. */
    private record Value(JsonNode node, int line) {
        String text() {
            if (node == null || node.isNull() || node.isContainerNode()) {
                return "";
            }
            return node.asText("").strip();
        }
    }

    public void read(Path file, String text) {
        List<String> lines = text.lines().toList();
        int bodyStart = 0;
        Map<String, Value> front = new LinkedHashMap<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first < lines.size() && lines.get(first).strip().equals("---")) {
            int close = -1;
            for (int i = first + 1; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.equals("---") || l.equals("...")) {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                report.warning(file, first + 1, "The front matter opened here is never closed by a line \"---\";"
                        + " the post is read without it.");
                bodyStart = first + 1;
            } else {
                front = frontMatter(file, lines.subList(first + 1, close), first + 2);
                bodyStart = close + 1;
            }
        } else {
            report.warning(file, 1, "This post has no front matter (a block between \"---\" lines), so it gives no"
                    + " session title, week or tags.");
        }

        String title = value(front, "title").map(Value::text).orElse("");
        if (title.isEmpty()) {
            title = titleFromFileName(file);
            report.warning(file, value(front, "title").map(Value::line).orElse(1), "The post has no title, so its"
                    + " papers' session is named after the file: \"" + title + "\".");
        }
        OptionalInt week = week(front, title, file);
        int sessionNumber = 0;
        Optional<Value> session = value(front, "session");
        if (session.isPresent() && session.get().text().matches("\\d{1,3}") && Integer.parseInt(session.get().text()) > 0) {
            sessionNumber = Integer.parseInt(session.get().text());
        }
        List<String> tags = tags(value(front, "tags"));
        readBody(file, lines, bodyStart, title, week, sessionNumber, tags);
    }

    private static String titleFromFileName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", "").replaceAll("[-_]+", " ").strip();
        return name.isEmpty() ? "Imported post" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Optional<Value> value(Map<String, Value> front, String key) {
        return Optional.ofNullable(front.get(key));
    }

    /**
     * Reads the front matter with Jackson YAML (a repeated key keeps its last value, as Jekyll does); when the block
     * is not valid YAML, reads its {@code key: value} lines and {@code - item} lists one by one.
     */
    private Map<String, Value> frontMatter(Path file, List<String> block, int firstLine) {
        Map<String, List<Integer>> keyLines = new LinkedHashMap<>();
        for (int i = 0; i < block.size(); i++) {
            Matcher m = TOP_KEY.matcher(block.get(i));
            if (m.matches()) {
                keyLines.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(firstLine + i);
            }
        }
        for (Map.Entry<String, List<Integer>> e : keyLines.entrySet()) {
            List<Integer> at = e.getValue();
            for (int i = 1; i < at.size(); i++) {
                report.warning(file, at.get(i), "The front-matter key \"" + e.getKey() + "\" appears again (first on"
                        + " line " + at.get(0) + "); the last one is used, as the course site does.");
            }
        }
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        try {
            JsonNode tree = YAML.readTree(String.join("\n", block));
            if (tree != null && tree.isObject()) {
                tree.fields().forEachRemaining(f -> raw.put(f.getKey(), f.getValue()));
            } else if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                report.warning(file, firstLine, "The front matter is not a list of \"key: value\" lines; it is ignored.");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            int line = firstLine;
            String why = "it is not valid YAML";
            if (e instanceof JsonProcessingException jpe) {
                if (jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
                    line = firstLine + jpe.getLocation().getLineNr() - 1;
                }
                String original = jpe.getOriginalMessage() == null ? "" : jpe.getOriginalMessage().lines().findFirst()
                        .orElse("").strip();
                if (!original.isEmpty()) {
                    why = why + " (" + Words.abbreviate(original) + ")";
                }
            }
            report.warning(file, line, "The front matter cannot be read as a whole because " + why
                    + "; its keys are read line by line instead.");
            raw.putAll(lineByLine(block));
        }
        Map<String, Value> front = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : raw.entrySet()) {
            String key = e.getKey();
            List<Integer> at = keyLines.getOrDefault(key, List.of(firstLine));
            int line = at.get(at.size() - 1);
            String known = key;
            if (!KNOWN_KEYS.contains(key)) {
                Optional<String> closest = closestKey(key);
                if (closest.isPresent()) {
                    known = closest.get();
                    if (raw.containsKey(known)) {
                        report.warning(file, line, "The front-matter key \"" + key + "\" looks like a misspelt \""
                                + known + "\", which the post also has; it is ignored.");
                        continue;
                    }
                    report.warning(file, line, "The front-matter key \"" + key + "\" is read as \"" + known + "\".");
                }
            }
            front.put(known, new Value(e.getValue(), line));
        }
        return front;
    }

    private static Optional<String> closestKey(String key) {
        if (key.length() < 4) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KNOWN_KEYS) {
            int d = DISTANCE.apply(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The keys of a front matter that is not valid YAML, read line by line: scalars and {@code - item} lists. */
    private static Map<String, JsonNode> lineByLine(List<String> block) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        String listKey = null;
        for (String line : block) {
            Matcher m = TOP_KEY.matcher(line);
            if (m.matches()) {
                String value = unquote(m.group(2).strip());
                listKey = value.isEmpty() ? m.group(1) : null;
                out.put(m.group(1), value.isEmpty() ? f.nullNode() : f.textNode(value));
            } else if (listKey != null && line.strip().startsWith("-")) {
                JsonNode current = out.get(listKey);
                com.fasterxml.jackson.databind.node.ArrayNode list = current instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                        ? a : f.arrayNode();
                list.add(unquote(line.strip().substring(1).strip()));
                out.put(listKey, list);
            }
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private OptionalInt week(Map<String, Value> front, String title, Path file) {
        Optional<Value> week = value(front, "week");
        if (week.isPresent()) {
            Matcher m = Pattern.compile("(\\d{1,2})").matcher(week.get().text());
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
            if (!week.get().text().isEmpty()) {
                report.warning(file, week.get().line(), "\"week: " + Words.abbreviate(week.get().text())
                        + "\" holds no week number; it is ignored.");
            }
        }
        Optional<Value> lecture = value(front, "lecture");
        if (lecture.isPresent()) {
            Matcher m = WEEK.matcher(lecture.get().text());
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        Matcher t = WEEK_WORD.matcher(title);
        if (t.find()) {
            return OptionalInt.of(Integer.parseInt(t.group(1)));
        }
        Matcher n = WEEK_WORD.matcher(file.getFileName().toString());
        if (n.find()) {
            return OptionalInt.of(Integer.parseInt(n.group(1)));
        }
        return OptionalInt.empty();
    }

    private static List<String> tags(Optional<Value> value) {
        List<String> raw = new ArrayList<>();
        if (value.isPresent() && value.get().node() != null) {
            JsonNode node = value.get().node();
            if (node.isArray()) {
                node.forEach(n -> raw.add(n.asText("")));
            } else if (!node.isNull()) {
                raw.addAll(List.of(node.asText("").replaceAll("[\\[\\]]", " ").split("[,\\s]+")));
            }
        }
        List<String> tags = new ArrayList<>();
        for (String t : raw) {
            String slug = ImportText.slug(t, 6);
            if (!slug.isEmpty() && !tags.contains(slug)) {
                tags.add(slug);
            }
        }
        return tags;
    }

    /** One paper under a readings heading, with its bullet items. */
    private static final class Paper {
        final String title;
        final int line;
        final List<String> items = new ArrayList<>();
        final List<Integer> itemLines = new ArrayList<>();
        String headingLink = "";

        Paper(String title, int line) {
            this.title = title;
            this.line = line;
        }
    }

    private void readBody(Path file, List<String> lines, int start, String postTitle, OptionalInt week,
            int sessionNumber, List<String> tags) {
        boolean inReadings = false;
        boolean sawReadingsHeading = false;
        int readingsLevel = 2;
        int readingsLine = 0;
        List<Paper> papers = new ArrayList<>();
        Paper current = null;
        boolean previousBlank = true;
        boolean endNoted = false;
        boolean ignoreUntilHeading = false;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && !RULE.matcher(line).matches()) {
                int level = heading.group(1).length();
                String text = heading.group(2);
                if (isReadingsHeading(text)) {
                    inReadings = true;
                    sawReadingsHeading = true;
                    readingsLevel = level;
                    readingsLine = lineNo;
                    current = null;
                    ignoreUntilHeading = false;
                } else if (inReadings && level <= readingsLevel) {
                    inReadings = false;
                    current = null;
                } else if (inReadings) {
                    Paper paper = paper(file, text, lineNo);
                    current = paper;
                    ignoreUntilHeading = paper == null;
                    if (paper != null) {
                        papers.add(paper);
                    }
                }
                previousBlank = true;
                continue;
            }
            if (!inReadings || ignoreUntilHeading) {
                continue;
            }
            String why = endOfReadings(line);
            if (why != null) {
                if (!endNoted && !papers.isEmpty()) {
                    report.note(file, lineNo, "The readings end here (" + why + "); the rest of the post is not read"
                            + " for papers.");
                    endNoted = true;
                }
                inReadings = false;
                current = null;
                continue;
            }
            if (line.isBlank() || EMPTY_BULLET.matcher(line).matches()) {
                previousBlank = true;
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (current == null) {
                if (bullet.matches()) {
                    report.skipped(file, lineNo, "This bullet comes before any paper title (\"### Title\") under the"
                            + " readings heading, so it belongs to no paper and is left out.");
                }
                previousBlank = false;
                continue;
            }
            if (bullet.matches()) {
                current.items.add(bullet.group(1).strip());
                current.itemLines.add(lineNo);
            } else if (!previousBlank && !current.items.isEmpty()) {
                int last = current.items.size() - 1;
                current.items.set(last, current.items.get(last) + " " + line.strip());
            } else {
                current.items.add(line.strip());
                current.itemLines.add(lineNo);
            }
            previousBlank = false;
        }
        if (!sawReadingsHeading) {
            report.skipped(file, start + 1, "No readings heading (such as \"## Readings:\") was found in this post,"
                    + " so it gives no papers.");
            return;
        }
        if (papers.isEmpty()) {
            report.skipped(file, readingsLine, "No paper titles (\"### Title\") follow this readings heading, so the"
                    + " post gives no papers.");
            return;
        }
        for (Paper paper : papers) {
            ReadingDraft draft = draft(file, paper, postTitle, week, sessionNumber, tags);
            builder.addReading(draft);
        }
    }

    /**
     * A heading that names the readings: a word for them ("readings", "papers", "reading list", spelled a little
     * wrong too: "Readigns") with only words such as "required", "require", "more", "extra", "week 3" around it.
     */
    static boolean isReadingsHeading(String text) {
        String plain = text.replaceAll("[*_:`()\\[\\]]", " ").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (plain.isEmpty()) {
            return false;
        }
        boolean noun = false;
        for (String word : plain.split(" ")) {
            if (READINGS_NOUNS.stream().anyMatch(n -> n.equals(word) || word.length() >= 6 && closeTo(word, n))) {
                noun = true;
            } else if (!READINGS_WORDS.contains(word) && !word.matches("\\d{1,2}")
                    && READINGS_WORDS.stream().noneMatch(w -> w.length() >= 7 && closeTo(word, w))) {
                return false;
            }
        }
        return noun;
    }

    /** A word spelt a little wrong: one letter off, or two for a word of seven letters or more ("readigns"). */
    private static boolean closeTo(String word, String meant) {
        int distance = DISTANCE.apply(word, meant);
        return distance >= 0 && distance <= (meant.length() >= 7 ? 2 : 1);
    }

    private static String endOfReadings(String line) {
        String s = line.strip();
        if (s.startsWith("<!--")) {
            return s.toLowerCase(Locale.ROOT).contains("excerpt") ? "an excerpt marker" : "an HTML comment";
        }
        if (HTML_BLOCK.matcher(line).find()) {
            return "an HTML block";
        }
        if (s.startsWith("![")) {
            return "an image";
        }
        if (s.startsWith("{%")) {
            return "a Liquid tag";
        }
        if (RULE.matcher(line).matches()) {
            return "a horizontal rule";
        }
        return null;
    }

    private Paper paper(Path file, String headingText, int lineNo) {
        String t = ImportText.stripTags(headingText).strip();
        t = t.replaceFirst("^[-+*•–—]+\\s*", "").replaceFirst("^(?:paper\\s*)?\\d{1,2}[.):]\\s+", "");
        t = TITLE_LABEL.matcher(t).replaceFirst("");
        String link = "";
        Matcher md = Pattern.compile("^\\[(.+)]\\((\\S+?)\\)\\s*$").matcher(t);
        if (md.matches()) {
            t = TITLE_LABEL.matcher(md.group(1)).replaceFirst("");
            link = md.group(2);
        }
        t = t.replaceAll("^[*_]+|[*_]+$", "").replaceFirst("[:\\s]+$", "").replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            report.skipped(file, lineNo, "This paper heading has no title, so it and its bullets are left out.");
            return null;
        }
        Paper paper = new Paper(t, lineNo);
        paper.headingLink = link;
        return paper;
    }

    private ReadingDraft draft(Path file, Paper paper, String postTitle, OptionalInt week, int sessionNumber,
            List<String> tags) {
        ReadingDraft d = new ReadingDraft(file, paper.line, paper.title);
        d.week = week;
        d.sessionNumber = sessionNumber;
        d.sessionLabel = postTitle;
        d.tags.addAll(tags);
        if (!paper.headingLink.isEmpty()) {
            link(file, paper.line, d, paper.headingLink, "");
        }
        List<String> abstractParts = new ArrayList<>();
        for (int i = 0; i < paper.items.size(); i++) {
            String item = paper.items.get(i);
            int line = paper.itemLines.get(i);
            Optional<String> url = ImportText.firstUrl(item);
            if (url.isPresent() && item.length() < 200) {
                link(file, line, d, url.get(), item);
                continue;
            }
            Optional<List<String>> authors = d.authors.isEmpty() ? authors(item) : Optional.empty();
            if (authors.isPresent()) {
                d.authors.addAll(authors.get());
                continue;
            }
            String text = item;
            if (IMAGE.matcher(text).find()) {
                report.skipped(file, line, "An image in the abstract of \"" + Words.abbreviate(paper.title)
                        + "\" is left out (its file is not in the course folder).");
                text = IMAGE.matcher(text).replaceAll("").strip();
            }
            if (!text.isEmpty()) {
                abstractParts.add(text);
            }
        }
        d.abstractMarkdown = String.join("\n\n", abstractParts);
        if (paper.items.isEmpty()) {
            report.note(file, paper.line, "\"" + Words.abbreviate(paper.title) + "\" has no link, authors or abstract"
                    + " here; its reading has the title only.");
        }
        return d;
    }

    private void link(Path file, int line, ReadingDraft d, String url, String item) {
        String lower = url.toLowerCase(Locale.ROOT);
        String label = item.toLowerCase(Locale.ROOT);
        LinkKind kind;
        if (lower.matches("https?://(www\\.)?arxiv\\.org/abs/.*")) {
            kind = LinkKind.ARXIV;
        } else if (lower.matches("https?://(www\\.)?arxiv\\.org/pdf/.*") || lower.endsWith(".pdf")) {
            kind = LinkKind.PDF;
        } else if (lower.matches("https?://(www\\.)?(github\\.com|gitlab\\.com|huggingface\\.co)/.*")
                || label.startsWith("code")) {
            kind = LinkKind.CODE;
        } else {
            kind = LinkKind.PROJECT;
        }
        if (d.links.containsKey(kind)) {
            if (!d.links.get(kind).equals(url)) {
                report.skipped(file, line, "A second " + kind.key() + " link for \"" + Words.abbreviate(d.title)
                        + "\" (" + Words.abbreviate(url) + ") is left out; a reading has one link of each kind.");
            }
            return;
        }
        d.links.put(kind, url);
    }

    /** The names in a bullet such as "Haotian Liu, Chunyuan Li, Qingyang Wu, Yong Jae Lee", if it is one. */
    static Optional<List<String>> authors(String item) {
        String t = item.replaceFirst("(?i)^authors?\\s*[:：]\\s*", "").replaceAll("(?i)\\bet\\s+al\\.?", "")
                .replaceAll("[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰\\d]+(?=\\s*(,|$|\\s))", "").strip().replaceFirst("[.;,]+$", "");
        if (t.isEmpty() || t.length() > 800 || t.contains("://")) {
            return Optional.empty();
        }
        String[] parts = t.split("\\s*(?:,|;|\\band\\b|&)\\s*");
        List<String> names = new ArrayList<>();
        boolean someFullName = false;
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] words = p.split("\\s+");
            if (words.length > 5) {
                return Optional.empty();
            }
            for (String w : words) {
                boolean name = w.matches("[\\p{Lu}][\\p{L}'’.\\-]*") || w.matches("\\p{IsHan}+")
                        || PARTICLES.contains(w.toLowerCase(Locale.ROOT));
                if (!name) {
                    return Optional.empty();
                }
            }
            someFullName |= words.length >= 2;
            names.add(p);
        }
        return names.isEmpty() || !someFullName ? Optional.empty() : Optional.of(names);
    }
}
