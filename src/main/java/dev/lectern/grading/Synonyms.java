package dev.lectern.grading;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final BoundedCache<String, Set<String>> cache = new BoundedCache<>(50_000, this::lookup);
    private final BoundedCache<String, Boolean> known = new BoundedCache<>(50_000, this::isWordLookup);
    private final BoundedCache<String, Set<String>> antonymCache = new BoundedCache<>(50_000, this::antonymsLookup);
    private final BoundedCache<String, Set<String>> baseCache = new BoundedCache<>(50_000, this::baseStemsLookup);

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
        return cache.get(word);
    }

    /** Whether WordNet knows the word (in any inflection). */
    boolean isWord(String word) {
        return known.get(word);
    }

    private boolean isWordLookup(String w) {
        try {
            synchronized (dictionary) {
                return dictionary.lookupAllIndexWords(w).size() > 0;
            }
        } catch (JWNLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stems of the word's dictionary forms ("closed" gives "close", "higher" gives "high"), with the word's own
     * stem: comparatives are reduced by hand because WordNet lists some ("higher") as words of their own.
     */
    Set<String> baseStems(String word) {
        return baseCache.get(word);
    }

    private Set<String> baseStemsLookup(String w) {
        Set<String> out = new HashSet<>();
        out.add(stemmer.apply(w));
        List<String> forms = new java.util.ArrayList<>(List.of(w));
        if (w.length() > 4 && w.endsWith("er")) {
            String b = w.substring(0, w.length() - 2);
            forms.add(b);
            forms.add(b + "e");
            forms.add(b.substring(0, b.length() - 1));
            if (b.endsWith("i")) {
                forms.add(b.substring(0, b.length() - 1) + "y");
            }
        }
        if (w.length() > 5 && w.endsWith("est")) {
            String b = w.substring(0, w.length() - 3);
            forms.add(b);
            forms.add(b + "e");
            forms.add(b.substring(0, b.length() - 1));
        }
        for (String f : forms) {
            try {
                synchronized (dictionary) {
                    for (IndexWord iw : dictionary.lookupAllIndexWords(f).getIndexWordArray()) {
                        if (iw.getLemma().indexOf(' ') < 0) {
                            out.add(stemmer.apply(iw.getLemma().toLowerCase(java.util.Locale.ROOT)));
                        }
                    }
                }
            } catch (JWNLException | RuntimeException e) {
                // not a word WordNet knows
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Stems of the word's WordNet antonyms ("higher" gives "lower"), over its most common senses. */
    Set<String> antonyms(String word) {
        return antonymCache.get(word);
    }

    private Set<String> antonymsLookup(String word) {
        return fromCommonSenses(word, (sense, out) -> {
            for (net.sf.extjwnl.data.Pointer p : sense.getPointers(net.sf.extjwnl.data.PointerType.ANTONYM)) {
                if (p.getTarget() instanceof Word antonym && antonym.getLemma().indexOf(' ') < 0) {
                    out.add(stemmer.apply(antonym.getLemma().toLowerCase(java.util.Locale.ROOT)));
                }
            }
        });
    }

    private Set<String> lookup(String word) {
        String own = stemmer.apply(word);
        return fromCommonSenses(word, (sense, out) -> {
            String lemma = sense.getLemma();
            if (lemma.indexOf(' ') < 0 && lemma.indexOf('_') < 0 && lemma.indexOf('-') < 0) {
                String stem = stemmer.apply(lemma.toLowerCase(java.util.Locale.ROOT));
                if (!stem.isEmpty() && !stem.equals(own)) {
                    out.add(stem);
                }
            }
        });
    }

    /** Takes what a lookup wants from one word of a sense. */
    @FunctionalInterface
    private interface FromSense {
        void accept(Word sense, Set<String> out) throws JWNLException;
    }

    /**
     * What {@code collect} takes from each word of the most common senses of {@code word}; empty for a word WordNet
     * cannot hold (short, or not all letters) or one it fails on.
     */
    private Set<String> fromCommonSenses(String word, FromSense collect) {
        if (word.length() < 3 || !word.chars().allMatch(Character::isLetter)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        try {
            synchronized (dictionary) {
                for (IndexWord iw : dictionary.lookupAllIndexWords(word).getIndexWordArray()) {
                    List<Synset> senses = iw.getSenses();
                    for (int i = 0; i < Math.min(SENSES_PER_POS, senses.size()); i++) {
                        for (Word sense : senses.get(i).getWords()) {
                            collect.accept(sense, out);
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            return Set.of();
        }
        return Collections.unmodifiableSet(out);
    }
}
