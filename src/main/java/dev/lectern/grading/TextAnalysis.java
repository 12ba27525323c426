package dev.lectern.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into content words with Lucene's English analysis: stop words dropped, words stemmed, offsets kept
 * so matched words can be shown in the student's answer. Thread-safe.
 */
final class TextAnalysis {

    /** Only this much of an answer is analysed, so that a huge answer is graded in bounded time. */
    static final int MAX_CHARS = 6_000;

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** A single word's stem ("encoders" gives "encod"); the word itself if the analysis drops it (a stop word). */
    String stem(String word) {
        List<Token> t = tokens(word);
        return t.isEmpty() ? word : t.get(0).stem();
    }

    List<Token> tokens(String text) {
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", s)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                out.add(new Token(term.toString(), s.substring(start, end).toLowerCase(Locale.ROOT), start, end));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
