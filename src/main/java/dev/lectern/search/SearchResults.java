package dev.lectern.search;

import java.util.List;

/** The hits for one query, grouped by kind, best first. */
public record SearchResults(String query, List<SearchHit> readings, List<SearchHit> questions) {

    public SearchResults {
        readings = List.copyOf(readings);
        questions = List.copyOf(questions);
    }

    static SearchResults empty(String query) {
        return new SearchResults(query == null ? "" : query, List.of(), List.of());
    }

    public boolean isEmpty() {
        return readings.isEmpty() && questions.isEmpty();
    }
}
