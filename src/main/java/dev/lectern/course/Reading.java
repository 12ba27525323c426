package dev.lectern.course;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A paper, slide deck or thesis of the course, with its metadata and Markdown content. Reading files list the
 * question sets they know of; {@link Course#questionSetsFor} gives every set that drills the reading.
 */
public record Reading(
        String id,
        String title,
        String shortTitle,
        ReadingKind kind,
        List<String> authors,
        OptionalInt year,
        Optional<String> venue,
        List<Link> links,
        int week,
        Optional<Session> session,
        List<String> tags,
        List<String> questionSetIds,
        String abstractMarkdown,
        List<SlideExcerpt> slides,
        String notesMarkdown,
        List<Section> otherSections,
        SourceRef source) {

    public Reading {
        authors = List.copyOf(authors);
        links = List.copyOf(links);
        tags = List.copyOf(tags);
        questionSetIds = List.copyOf(questionSetIds);
        slides = List.copyOf(slides);
        otherSections = List.copyOf(otherSections);
    }

    public Optional<Link> link(LinkKind kind) {
        return links.stream().filter(l -> l.kind() == kind).findFirst();
    }
}
