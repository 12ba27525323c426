package dev.lectern.grading;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.IndexWordSet;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Synonyms from WordNet (extjwnl, with the WordNet 3.1 data inside the jar): for a word, the stems of the other
 * one-word lemmas of its most common senses. Also tells whether a word is an English word at all. Thread-safe.
 */
final class Synonyms {

    /** Senses beyond the first few are rare meanings that make false matches ("bulb" as "medulla"). */
    private static final int SENSES_PER_POS = 3;

    private final Dictionary dictionary;
    private final Function<String, String> stemmer;
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    private Synonyms(Dictionary dictionary, Function<String, String> stemmer) {
        this.dictionary = dictionary;
        this.stemmer = stemmer;
    }

    static Synonyms load(Function<String, String> stemmer) {
        try {
            return new Synonyms(Dictionary.getDefaultResourceInstance(), stemmer);
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet could not be loaded: " + e.getMessage(), e);
        }
    }

    /** Stems of the word's synonyms (not including its own stem); empty for words WordNet does not know. */
    Set<String> of(String word) {
        if (cache.size() > 50_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(word, this::lookup);
    }

    /** Whether WordNet knows the word (in any inflection). */
    boolean isWord(String word) {
        if (known.size() > 50_000) {
            known.clear();
        }
        return known.computeIfAbsent(word, w -> {
            try {
                synchronized (dictionary) {
                    return dictionary.lookupAllIndexWords(w).size() > 0;
                }
            } catch (JWNLException | RuntimeException e) {
                return false;
            }
        });
    }

    private Set<String> lookup(String word) {
        if (word.length() < 3 || !word.chars().allMatch(Character::isLetter)) {
            return Set.of();
        }
        Set<String> stems = new HashSet<>();
        try {
            IndexWordSet all;
            synchronized (dictionary) {
                all = dictionary.lookupAllIndexWords(word);
            }
            String own = stemmer.apply(word);
            for (IndexWord iw : all.getIndexWordArray()) {
                List<Synset> senses = iw.getSenses();
                for (int i = 0; i < Math.min(SENSES_PER_POS, senses.size()); i++) {
                    for (Word w : senses.get(i).getWords()) {
                        String lemma = w.getLemma();
                        if (lemma.indexOf(' ') < 0 && lemma.indexOf('_') < 0 && lemma.indexOf('-') < 0) {
                            String stem = stemmer.apply(lemma.toLowerCase(java.util.Locale.ROOT));
                            if (!stem.isEmpty() && !stem.equals(own)) {
                                stems.add(stem);
                            }
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            return Set.of();
        }
        return Collections.unmodifiableSet(stems);
    }
}
