package dev.lectern.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of hits: the best passage of the best matching field, about {@value #LENGTH} characters, with the
 * matched words as highlighted parts. Built on Lucene's UnifiedHighlighter, which re-analyses the stored text of
 * just the hits shown, so the index needs no positions or offsets.
 */
final class Snippets {

    static final int LENGTH = 160;

    /** Text kept before a match cut out of a long sentence, so the match is seen in its context. */
    private static final int LEAD = 40;

    private static final String ELLIPSIS = "…";

    /**
     * One field's best passage, formatted, with the score the highlighter gave it.
     *
     * @param value which value of the field the passage is, counting from 0 (see {@link IndexFields#SEPARATOR})
     * @param words the words matched anywhere in that value, lower-cased, each once
     */
    record FieldSnippet(float score, List<SnippetPart> parts, int value, List<String> words) {
    }

    /**
     * A document's snippet and where it comes from.
     *
     * @param field the snippet field of the best passage, the title field when only the title matched, or null
     *     when nothing shown matched
     * @param value which value of that field
     * @param words the words matched in that value, lower-cased, each once
     */
    record Snippet(List<SnippetPart> parts, String field, int value, List<String> words) {
    }

    private final Highlighter highlighter;
    private final String[] fields;
    private final String titleField;
    /** The snippet fields, then the title field if there is one: all that is highlighted. */
    private final String[] highlighted;

    /** @param titleField a stored field whose matched words are reported when no snippet field matched, or null */
    Snippets(IndexSearcher searcher, Analyzer highlightAnalyzer, List<String> fields, String titleField) {
        this.fields = fields.toArray(String[]::new);
        this.titleField = titleField;
        List<String> all = new ArrayList<>(fields);
        if (titleField != null) {
            all.add(titleField);
        }
        this.highlighted = all.toArray(String[]::new);
        this.highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, highlightAnalyzer)
                // A passage is one value of a field (the abstract, a slide, a section): the formatter then picks the
                // best window of it, which is much cheaper than letting a sentence iterator find candidates.
                .withBreakIterator(() -> new CustomSeparatorBreakIterator(IndexFields.SEPARATOR))
                .withFormatter(new PartsFormatter())
                // A field without a match gives no snippet, so that the next field can.
                .withMaxNoHighlightPassages(0)
                // The highlight query names one field; its terms apply to every snippet field.
                .withFieldMatcher(field -> true)
                .withHandleMultiTermQuery(true)
                .withWeightMatches(false)
                .withPassageRelevancyOverSpeed(false)
                .withMaxLength(50_000));
    }

    /**
     * The snippet of each document: the highest-scoring passage across the snippet fields, or, if no field has a
     * match (the query matched a title or author), the start of the first non-empty snippet field.
     */
    List<Snippet> of(Query highlightQuery, int[] docIds, List<Document> docs) throws IOException {
        int[] maxPassages = new int[highlighted.length];
        Arrays.fill(maxPassages, 1);
        Map<String, Object[]> byField = highlighter.highlight(highlighted, highlightQuery, docIds, maxPassages);
        List<Snippet> snippets = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            FieldSnippet best = null;
            String bestField = null;
            for (String field : fields) {
                Object[] values = byField.get(field);
                if (values != null && values[i] instanceof FieldSnippet s && (best == null || s.score() > best.score())) {
                    best = s;
                    bestField = field;
                }
            }
            if (best != null) {
                snippets.add(new Snippet(best.parts(), bestField, best.value(), best.words()));
                continue;
            }
            Object[] titles = titleField == null ? null : byField.get(titleField);
            if (titles != null && titles[i] instanceof FieldSnippet title) {
                snippets.add(new Snippet(opening(docs.get(i)), titleField, 0, title.words()));
            } else {
                snippets.add(new Snippet(opening(docs.get(i)), null, 0, List.of()));
            }
        }
        return snippets;
    }

    private List<SnippetPart> opening(Document doc) {
        for (String field : fields) {
            String text = doc.get(field);
            if (text != null && !text.isEmpty()) {
                int end = text.indexOf(IndexFields.SEPARATOR);
                String first = end < 0 ? text : text.substring(0, end);
                return List.of(new SnippetPart(PlainText.abbreviate(first, LENGTH), false));
            }
        }
        return List.of();
    }

    /** Opens up the highlighter's per-document results, and reads snippet fields as stored text, re-analysed. */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages)
                throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }

        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.ANALYSIS;
        }
    }

    /** Turns a passage into snippet parts, cut to about {@link #LENGTH} characters where its matches are densest. */
    static final class PartsFormatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            Passage best = null;
            for (Passage p : passages) {
                if (p.getNumMatches() > 0 && (best == null || p.getScore() > best.getScore())) {
                    best = p;
                }
            }
            if (best == null) {
                return null;
            }
            int[] starts = Arrays.copyOf(best.getMatchStarts(), best.getNumMatches());
            int[] ends = Arrays.copyOf(best.getMatchEnds(), best.getNumMatches());
            return new FieldSnippet(best.getScore(), parts(content, best.getStartOffset(), best.getEndOffset(),
                    starts, ends), valueIndex(content, starts[0]), words(content, starts, ends));
        }

        /** Which value of a field joined by {@link IndexFields#SEPARATOR} holds the character at {@code offset}. */
        static int valueIndex(String content, int offset) {
            int index = 0;
            for (int i = 0; i < offset && i < content.length(); i++) {
                if (content.charAt(i) == IndexFields.SEPARATOR) {
                    index++;
                }
            }
            return index;
        }

        /** The matched words, lower-cased, each once, in the order first met. */
        static List<String> words(String content, int[] starts, int[] ends) {
            Set<String> words = new LinkedHashSet<>();
            Integer[] order = new Integer[starts.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(starts[a], starts[b]));
            for (int i : order) {
                words.add(content.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT));
            }
            return List.copyOf(words);
        }

        static List<SnippetPart> parts(String content, int passageStart, int passageEnd, int[] starts, int[] ends) {
            int[][] matches = merged(starts, ends);
            int from = passageStart;
            int to = passageEnd;
            if (to - from > LENGTH + LENGTH / 8) {
                int[] anchor = matches[densest(content, matches)];
                // Start with the sentence of the match if it starts close enough, else shortly before the match.
                int earliest = Math.max(passageStart, anchor[0] - LENGTH / 2);
                int sentence = sentenceStart(content, earliest, anchor[0]);
                if (sentence >= 0) {
                    from = sentence;
                } else if (earliest == passageStart) {
                    from = passageStart;
                } else {
                    int space = content.indexOf(' ', anchor[0] - LEAD);
                    from = space < 0 || space >= anchor[0] ? anchor[0] : space + 1;
                }
                to = Math.min(passageEnd, from + LENGTH);
                if (to < passageEnd) {
                    int space = content.lastIndexOf(' ', to);
                    to = space > anchor[1] ? space : Math.max(to, anchor[1]);
                }
            }
            while (from < to && Character.isWhitespace(content.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(content.charAt(to - 1))) {
                to--;
            }
            List<SnippetPart> parts = new ArrayList<>();
            StringBuilder plain = new StringBuilder();
            if (from > passageStart && !afterSentenceEnd(content, from, passageStart)) {
                plain.append(ELLIPSIS);
            }
            int at = from;
            for (int[] match : matches) {
                int s = Math.max(match[0], at);
                int e = Math.min(match[1], to);
                if (s >= e) {
                    continue;
                }
                plain.append(content, at, s);
                if (plain.length() > 0) {
                    parts.add(new SnippetPart(plain.toString(), false));
                    plain.setLength(0);
                }
                parts.add(new SnippetPart(content.substring(s, e), true));
                at = e;
            }
            plain.append(content, at, to);
            if (to < passageEnd && ".!?".indexOf(content.charAt(to - 1)) < 0) {
                plain.append(ELLIPSIS);
            }
            if (plain.length() > 0) {
                parts.add(new SnippetPart(plain.toString(), false));
            }
            return parts;
        }

        /**
         * The match that starts the window showing the most different matched words, so that a snippet for
         * "video diffusion" shows both words together rather than the first "video" alone.
         */
        private static int densest(String content, int[][] matches) {
            int best = 0;
            int bestCount = 0;
            for (int i = 0; i < matches.length; i++) {
                Set<String> words = new HashSet<>();
                for (int j = i; j < matches.length && matches[j][1] <= matches[i][0] + LENGTH - LEAD; j++) {
                    words.add(content.substring(matches[j][0], matches[j][1]).toLowerCase(Locale.ROOT));
                }
                if (words.size() > bestCount) {
                    best = i;
                    bestCount = words.size();
                }
            }
            return best;
        }

        /** Where the last sentence beginning in [from, to) starts, or -1. */
        private static int sentenceStart(String content, int from, int to) {
            for (int i = to - 1; i > from; i--) {
                if (content.charAt(i) == ' ' && ".!?".indexOf(content.charAt(i - 1)) >= 0) {
                    return i + 1;
                }
            }
            return -1;
        }

        private static boolean afterSentenceEnd(String content, int from, int passageStart) {
            int i = from - 1;
            while (i >= passageStart && content.charAt(i) == ' ') {
                i--;
            }
            return i < passageStart || ".!?".indexOf(content.charAt(i)) >= 0;
        }

        /** Match ranges in order, overlaps joined: a word matched as itself and as its stem is marked once. */
        private static int[][] merged(int[] starts, int[] ends) {
            int[][] ranges = new int[starts.length][];
            for (int i = 0; i < starts.length; i++) {
                ranges[i] = new int[] {starts[i], ends[i]};
            }
            Arrays.sort(ranges, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            List<int[]> out = new ArrayList<>();
            for (int[] r : ranges) {
                int[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
                if (prev != null && r[0] <= prev[1]) {
                    prev[1] = Math.max(prev[1], r[1]);
                } else {
                    out.add(r.clone());
                }
            }
            return out.toArray(int[][]::new);
        }
    }
}
