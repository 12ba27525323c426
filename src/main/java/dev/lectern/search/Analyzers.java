package dev.lectern.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers of the index, all built on the same tokenizer so that a word the user types splits the same way
 * as the text it should find. Lucene analyzers are thread-safe, so one instance of each serves every search.
 */
final class Analyzers implements AutoCloseable {

    /** Stemmed English with stop words removed: what whole words are matched against. */
    final Analyzer stemmed = new EnglishAnalyzer();

    /**
     * Lower-cased words without stemming or stop words: what the word being typed is matched against as a prefix,
     * and what snippets are marked in.
     */
    final Analyzer words = chain(true);

    /** Lower-cased words with stop words kept: how the query is split into words. */
    final Analyzer queryWords = chain(false);

    /** Stemmed by default, unstemmed for the prefix fields. */
    final Analyzer index;

    Analyzers() {
        index = new PerFieldAnalyzerWrapper(stemmed, Map.of(IndexFields.TITLE_WORDS, words, IndexFields.WORDS, words));
    }

    private static Analyzer chain(boolean dropStopWords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                if (dropStopWords) {
                    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                }
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** The terms an analyzer makes of a text, in order. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String reads no file; this cannot happen.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        index.close();
        stemmed.close();
        words.close();
        queryWords.close();
    }
}
