package dev.lectern.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What the user has typed so far, as words, and the Lucene queries built from them. The queries are assembled
 * from analysed terms, never parsed, so no input can be a syntax error.
 */
final class TypedQuery {

    /**
     * A query longer than this is not being typed but pasted; its first words and its last one are kept, which
     * also keeps Lucene's clause limit far away.
     */
    static final int MAX_WORDS = 16;

    /**
     * A short prefix can stand for thousands of words; only this many of them are searched, which bounds the
     * cost of every keystroke.
     */
    static final int MAX_PREFIX_EXPANSIONS = 50;

    /** Far more written forms than any stems of a typed query have, and far below Lucene's clause limit. */
    static final int MAX_HIGHLIGHT_FORMS = 512;

    private static final MultiTermQuery.RewriteMethod PREFIX_REWRITE =
            new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_PREFIX_EXPANSIONS);

    /**
     * One word of the query.
     *
     * @param raw the word lower-cased, as typed
     * @param stem its stem, or null for a stop word
     */
    record Word(String raw, String stem) {
    }

    private final List<Word> complete;
    private final Word last;

    private TypedQuery(List<Word> complete, Word last) {
        this.complete = List.copyOf(complete);
        this.last = last;
    }

    static TypedQuery parse(String input, Analyzers analyzers) {
        List<String> raw = Analyzers.terms(analyzers.queryWords, input == null ? "" : input);
        if (raw.isEmpty()) {
            return new TypedQuery(List.of(), null);
        }
        String lastRaw = raw.get(raw.size() - 1);
        Word last = new Word(lastRaw, stem(analyzers, lastRaw));
        // Stop words before the last one say nothing; the last may still be the start of a longer word.
        Map<String, Word> byStem = new LinkedHashMap<>();
        for (String word : raw.subList(0, raw.size() - 1)) {
            String stem = stem(analyzers, word);
            if (stem != null && !stem.equals(last.stem()) && byStem.size() < MAX_WORDS - 1) {
                byStem.putIfAbsent(stem, new Word(word, stem));
            }
        }
        return new TypedQuery(new ArrayList<>(byStem.values()), last);
    }

    private static String stem(Analyzers analyzers, String word) {
        List<String> stems = Analyzers.terms(analyzers.stemmed, word);
        return stems.isEmpty() ? null : stems.get(0);
    }

    boolean isEmpty() {
        return last == null;
    }

    /** Whether requiring every word can find less than requiring any: there is more than one required word. */
    boolean hasSeveralWords() {
        return complete.size() + (last != null && last.stem() != null ? 1 : 0) > 1;
    }

    List<Word> words() {
        List<Word> words = new ArrayList<>(complete);
        if (last != null) {
            words.add(last);
        }
        return words;
    }

    /**
     * The search query for one kind of document.
     *
     * @param allWords require every word (AND); otherwise any word will do (OR)
     */
    Query query(IndexFields.Scheme scheme, boolean allWords) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Word word : complete) {
            query.add(wordQuery(scheme, word, false), allWords ? Occur.MUST : Occur.SHOULD);
        }
        if (last != null) {
            // A last word that is a stop word is probably a longer word half typed ("an" of "anything"): it may
            // match, but must not stop the other words from matching.
            boolean required = allWords && (last.stem() != null || complete.isEmpty());
            query.add(wordQuery(scheme, last, true), required ? Occur.MUST : Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * One word: its stem in the stemmed fields, and the word as typed (or, for the word being typed, as a prefix)
     * in the unstemmed ones. A document with the word as typed gets {@link #AS_TYPED} on top, so that it ranks
     * above every document that only shares the stem ("tokenizer" before "tokens").
     */
    private static Query wordQuery(IndexFields.Scheme scheme, Word word, boolean asPrefix) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (word.stem() != null) {
            scheme.terms().forEach((field, boost) ->
                    any.add(boosted(new TermQuery(new Term(field, word.stem())), boost), Occur.SHOULD));
        }
        BooleanQuery.Builder asTyped = new BooleanQuery.Builder();
        scheme.prefixes().forEach((field, boost) -> {
            Query written = asPrefix ? new PrefixQuery(new Term(field, word.raw()), PREFIX_REWRITE)
                    : new TermQuery(new Term(field, word.raw()));
            any.add(boosted(written, boost), Occur.SHOULD);
            asTyped.add(written, Occur.SHOULD);
        });
        any.add(new BoostQuery(new ConstantScoreQuery(asTyped.build()), AS_TYPED), Occur.SHOULD);
        return any.build();
    }

    /** What a match of the word as typed adds: more than any score the stems and fields can give. */
    static final float AS_TYPED = 1000f;

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    /**
     * The query the highlighter marks words with: every written form in the course of the stems the query
     * matched, and the word being typed as a prefix. Snippet text is analysed without stemming, so the written
     * forms are what it holds.
     */
    Query highlightQuery(Vocabulary vocabulary) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (Word word : words()) {
            if (word.stem() == null) {
                continue;
            }
            for (String form : vocabulary.forms(word.stem())) {
                if (clauses++ < MAX_HIGHLIGHT_FORMS) {
                    query.add(new TermQuery(new Term(IndexFields.WORDS, form)), Occur.SHOULD);
                }
            }
        }
        if (last != null) {
            query.add(new PrefixQuery(new Term(IndexFields.WORDS, last.raw())), Occur.SHOULD);
        }
        return query.build();
    }
}
