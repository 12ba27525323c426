package dev.lectern.ui.reading;

import dev.lectern.course.Reading;
import dev.lectern.render.ReadingRenderer;
import dev.lectern.search.HitKind;
import dev.lectern.search.MatchPlace;
import dev.lectern.search.SearchHit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the reading view takes the reader when a reading is opened from a search hit, and the words it marks there.
 *
 * @param readingId the reading this is for; a page of another reading is left alone
 * @param elementId the id of the rendered element holding the match ({@code slide-3}, {@code section-2},
 *     {@code abstract}, {@code notes}), or {@link #TITLE} for a match in the title, which is at the top
 * @param words the words to mark in that element, lower-cased
 */
public record ReadingFocus(String readingId, String elementId, List<String> words) {

    /** The id of the reading's title, which shows at the top of the page. */
    public static final String TITLE = "title";

    public ReadingFocus {
        Objects.requireNonNull(readingId, "readingId");
        Objects.requireNonNull(elementId, "elementId");
        words = List.copyOf(words);
    }

    /** Whether the page is scrolled to its top rather than to the element. */
    public boolean atTop() {
        return elementId.equals(TITLE);
    }

    /**
     * Where opening {@code hit} should take the reader in {@code reading}: nowhere (the reading as from the library)
     * for a question, or when the hit does not say where its match is or that place is not shown.
     */
    public static Optional<ReadingFocus> of(Reading reading, SearchHit hit) {
        if (reading == null || hit.kind() != HitKind.READING || !reading.id().equals(hit.readingId())) {
            return Optional.empty();
        }
        MatchPlace place = hit.place();
        String id = switch (place.part()) {
            case NONE -> "";
            case TITLE -> TITLE;
            case ABSTRACT -> reading.abstractMarkdown().isBlank() ? "" : "abstract";
            case NOTES -> reading.notesMarkdown().isBlank() ? "" : "notes";
            case SLIDE -> place.index() >= 0 && place.index() < reading.slides().size()
                    ? ReadingRenderer.slideId(place.index()) : "";
            case SECTION -> ReadingRenderer.sectionId(reading, place.index());
        };
        return id.isEmpty() ? Optional.empty() : Optional.of(new ReadingFocus(reading.id(), id, place.words()));
    }
}
