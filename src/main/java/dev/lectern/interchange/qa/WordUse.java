package dev.lectern.interchange.qa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a word is mostly used, from WordNet 3.1 (inside the jar, through extjwnl): as a verb, or as a noun or adjective,
 * by the tagged counts of its senses (the number of senses when none is tagged). Loaded on first use; without
 * WordNet every word counts as not mostly a verb.
 */
final class WordUse {

    private static final Logger LOG = LoggerFactory.getLogger(WordUse.class);
    private static final Map<String, Boolean> VERBS = new ConcurrentHashMap<>();

    private WordUse() {
    }

    private static final class Holder {
        static final Dictionary DICTIONARY = load();

        private static Dictionary load() {
            try {
                return Dictionary.getDefaultResourceInstance();
            } catch (JWNLException | RuntimeException e) {
                LOG.warn("WordNet could not be loaded; key points are proposed without it", e);
                return null;
            }
        }
    }

    /** True when {@code word} (a base form) is used as a verb more than as a noun and an adjective together. */
    static boolean mostlyVerb(String word) {
        if (word.length() < 2) {
            return false;
        }
        return VERBS.computeIfAbsent(word, WordUse::lookup);
    }

    private static boolean lookup(String word) {
        Dictionary dictionary = Holder.DICTIONARY;
        if (dictionary == null) {
            return false;
        }
        try {
            synchronized (dictionary) {
                long[] verb = use(dictionary, POS.VERB, word);
                long[] noun = use(dictionary, POS.NOUN, word);
                long[] adjective = use(dictionary, POS.ADJECTIVE, word);
                if (verb[1] == 0) {
                    return false;
                }
                long tagged = verb[0] + noun[0] + adjective[0];
                return tagged > 0 ? verb[0] > noun[0] + adjective[0] : verb[1] > noun[1] + adjective[1];
            }
        } catch (JWNLException | RuntimeException e) {
            return false;
        }
    }

    /** The tagged use count of the word's senses in {@code pos}, and how many senses it has there. */
    private static long[] use(Dictionary dictionary, POS pos, String word) throws JWNLException {
        IndexWord index = dictionary.getIndexWord(pos, word);
        if (index == null) {
            return new long[] {0, 0};
        }
        long count = 0;
        for (Synset sense : index.getSenses()) {
            for (Word w : sense.getWords()) {
                if (w.getLemma().equalsIgnoreCase(word)) {
                    count += w.getUseCount();
                }
            }
        }
        return new long[] {count, index.getSenses().size()};
    }
}
