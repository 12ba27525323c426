package dev.lectern.interchange;

import dev.lectern.course.LinkKind;
import dev.lectern.course.ReadingKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** A reading as an importer found it, before it is matched against the course and given an id. */
public final class ReadingDraft {

    final Path source;
    final int line;
    public String title;
    String shortTitle = "";
    public ReadingKind kind = ReadingKind.PAPER;
    public final List<String> authors = new ArrayList<>();
    public final Map<LinkKind, String> links = new EnumMap<>(LinkKind.class);
    /** The week, when the source names one. */
    public OptionalInt week = OptionalInt.empty();
    /** The session within the week; 0 numbers the sessions of an import in the order they come. */
    public int sessionNumber;
    public String sessionLabel = "";
    public final Set<String> tags = new LinkedHashSet<>();
    public String abstractMarkdown = "";
    /** Questions of a Q&A sheet that ask for the reader's own questions or opinions: kept in the notes, not graded. */
    public final List<String> discussion = new ArrayList<>();

    public ReadingDraft(Path source, int line, String title) {
        this.source = source;
        this.line = line;
        this.title = title;
    }

    /** The arXiv number (e.g. 2311.10709) of its arxiv or pdf link, or "". */
    String arxivId() {
        for (String url : links.values()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("arxiv\\.org/(?:abs|pdf)/(\\d{4}\\.\\d{4,5})")
                    .matcher(url);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    /** Takes what {@code other} (the same paper in another post) knows and this one does not. */
    List<String> absorb(ReadingDraft other) {
        List<String> taken = new ArrayList<>();
        if (authors.isEmpty() && !other.authors.isEmpty()) {
            authors.addAll(other.authors);
            taken.add("authors");
        }
        for (Map.Entry<LinkKind, String> link : other.links.entrySet()) {
            if (links.putIfAbsent(link.getKey(), link.getValue()) == null) {
                taken.add("the " + link.getKey().name().toLowerCase(java.util.Locale.ROOT) + " link");
            }
        }
        if (abstractMarkdown.isBlank() && !other.abstractMarkdown.isBlank()) {
            abstractMarkdown = other.abstractMarkdown;
            taken.add("the abstract");
        }
        for (String prompt : other.discussion) {
            if (!discussion.contains(prompt)) {
                discussion.add(prompt);
            }
        }
        if (tags.addAll(other.tags)) {
            taken.add("tags");
        }
        if (week.isEmpty() && other.week.isPresent()) {
            week = other.week;
            sessionNumber = other.sessionNumber;
            sessionLabel = other.sessionLabel;
            taken.add("the week");
        }
        return taken;
    }
}
