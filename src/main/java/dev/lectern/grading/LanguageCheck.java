package dev.lectern.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

/**
 * Tells an answer that is not English words from one that is: text in another script or with the function words
 * of another language, and letters typed at random. Uses the stop-word lists Lucene ships for each language.
 */
final class LanguageCheck {

    enum Kind { ENGLISH, OTHER_LANGUAGE, GIBBERISH }

    record Result(Kind kind, String language) {
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Function words English uses that Lucene's short list leaves out. */
    private static final Set<String> MORE_ENGLISH = Set.of("i", "you", "he", "she", "we", "me", "my", "our", "your",
            "its", "his", "her", "them", "from", "has", "have", "had", "do", "does", "did", "can", "could", "would",
            "should", "so", "than", "because", "what", "which", "who", "when", "where", "how", "why", "all", "more",
            "less", "each", "other", "some", "any", "both", "only", "also", "about", "between", "after", "before",
            "over", "under", "up", "down", "out", "same", "very", "too", "just", "been", "being", "were", "am", "us",
            "while", "until", "like", "get", "gets", "got", "one", "two", "three");
    private static final Map<String, CharArraySet> OTHER_STOP_WORDS = new LinkedHashMap<>();

    static {
        OTHER_STOP_WORDS.put("French", FrenchAnalyzer.getDefaultStopSet());
        OTHER_STOP_WORDS.put("German", GermanAnalyzer.getDefaultStopSet());
        OTHER_STOP_WORDS.put("Spanish", SpanishAnalyzer.getDefaultStopSet());
        OTHER_STOP_WORDS.put("Italian", ItalianAnalyzer.getDefaultStopSet());
        OTHER_STOP_WORDS.put("Portuguese", PortugueseAnalyzer.getDefaultStopSet());
        OTHER_STOP_WORDS.put("Dutch", DutchAnalyzer.getDefaultStopSet());
    }

    private LanguageCheck() {
    }

    /**
     * @param known whether a lower-cased word is an English word (WordNet) or a term of the question and its
     *              reference answers (names and acronyms WordNet lacks)
     */
    static Result check(String text, Predicate<String> known) {
        int letters = 0;
        int latin = 0;
        String sample = text.length() > TextAnalysis.MAX_CHARS ? text.substring(0, TextAnalysis.MAX_CHARS) : text;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
            i += Character.charCount(cp);
        }
        if (letters == 0) {
            return new Result(Kind.ENGLISH, "");
        }
        if (latin < 0.7 * letters) {
            return new Result(Kind.OTHER_LANGUAGE, "");
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(sample.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        int english = 0;
        int knownLong = 0;
        int longWords = 0;
        Map<String, Integer> foreign = new LinkedHashMap<>();
        for (String w : words) {
            boolean englishStop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) || MORE_ENGLISH.contains(w);
            if (englishStop) {
                english++;
            } else {
                for (Map.Entry<String, CharArraySet> e : OTHER_STOP_WORDS.entrySet()) {
                    if (e.getValue().contains(w)) {
                        foreign.merge(e.getKey(), 1, Integer::sum);
                    }
                }
            }
            if (w.length() >= 3 && !englishStop) {
                longWords++;
                if (known.test(w)) {
                    knownLong++;
                }
            }
        }
        double knownShare = longWords == 0 ? 1.0 : (double) knownLong / longWords;
        Optional<Map.Entry<String, Integer>> top = foreign.entrySet().stream().max(Map.Entry.comparingByValue());
        if (top.isPresent() && top.get().getValue() >= 2 && top.get().getValue() > english && knownShare < 0.8) {
            return new Result(Kind.OTHER_LANGUAGE, top.get().getKey());
        }
        if (longWords > 0 && knownShare < 0.5 && english <= longWords) {
            return new Result(Kind.GIBBERISH, "");
        }
        return new Result(Kind.ENGLISH, "");
    }
}
