package dev.lectern.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The written forms of each stem in the course ("video" → video, videos, video's). Snippets mark the written
 * forms of the stems a query matched, so the highlighter can find them without stemming every hit's text again.
 */
final class Vocabulary {

    private final Map<String, List<String>> formsByStem;

    private Vocabulary(Map<String, List<String>> formsByStem) {
        this.formsByStem = formsByStem;
    }

    /** The vocabulary of the given lower-cased, unstemmed words; a word may be given more than once. */
    static Vocabulary of(Iterable<String> words, Analyzers analyzers) {
        Map<String, List<String>> forms = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String word : words) {
            if (seen.add(word)) {
                for (String stem : Analyzers.terms(analyzers.stemmed, word)) {
                    forms.computeIfAbsent(stem, s -> new ArrayList<>(2)).add(word);
                }
            }
        }
        forms.replaceAll((stem, list) -> List.copyOf(list));
        return new Vocabulary(Map.copyOf(forms));
    }

    /** The written forms of a stem in the course, none if no text has it. */
    List<String> forms(String stem) {
        return formsByStem.getOrDefault(stem, List.of());
    }
}
