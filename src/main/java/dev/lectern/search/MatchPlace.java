package dev.lectern.search;

import java.util.List;
import java.util.Objects;

/**
 * Where in a reading a hit's snippet comes from, and the words it matched there, so that the reading view can
 * scroll to that part and mark them.
 *
 * @param part the part of the reading; {@link Part#NONE} for a question, or when nothing in the reading matched
 * @param index for a slide or a section, its position in {@code Reading.slides()} or {@code otherSections()},
 *     counting from 0; 0 for the other parts
 * @param words the words matched in that part as they are written there, lower-cased, each once, in the order
 *     first met
 */
public record MatchPlace(Part part, int index, List<String> words) {

    /** The parts of a reading a search can match. */
    public enum Part {
        NONE, TITLE, ABSTRACT, SLIDE, NOTES, SECTION
    }

    /** Nowhere in particular: the reading opens as it would from the library. */
    public static final MatchPlace NONE = new MatchPlace(Part.NONE, 0, List.of());

    public MatchPlace {
        Objects.requireNonNull(part, "part");
        words = List.copyOf(words);
    }
}
