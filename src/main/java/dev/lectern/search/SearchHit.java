package dev.lectern.search;

import java.util.List;

/**
 * One result: what it points at and a snippet with the matched words marked.
 *
 * @param readingId for a question, the first reading its set drills, or "" if the set names none
 * @param setId "" for a reading
 * @param questionId "" for a reading
 * @param title a reading's short title and title ("SAM — Segment Anything", just the title when the two are the
 *     same), or a question's prompt abbreviated to about 120 characters
 * @param snippet the best passage of the best matching text, about 160 characters, the matched words highlighted;
 *     when only a title, author or prompt matched, the start of the abstract or reference answer, unhighlighted
 * @param place where in the reading the snippet comes from and the words matched there ({@link MatchPlace#NONE}
 *     for a question)
 */
public record SearchHit(HitKind kind, String readingId, String setId, String questionId, String title,
        List<SnippetPart> snippet, float score, MatchPlace place) {

    public SearchHit {
        snippet = List.copyOf(snippet);
        place = place == null ? MatchPlace.NONE : place;
    }
}
