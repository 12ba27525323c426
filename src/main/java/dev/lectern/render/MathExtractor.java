package dev.lectern.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Takes {@code $...$} and {@code $$...$$} out of Markdown before it is parsed, leaving alphanumeric placeholders
 * that survive Markdown and sanitising unchanged, so the formulas can be put back as images afterwards.
 */
final class MathExtractor {

    /** One formula: the TeX between the dollars, whether it is display math, and the source with its dollars. */
    record Formula(String tex, boolean display, String source) {
    }

    /** The Markdown with placeholders, the formulas in placeholder order, and the pattern that finds them. */
    record Extracted(String markdown, List<Formula> formulas, Pattern placeholder) {

        /** The formula a placeholder match stands for, or null for a number that was never handed out. */
        Formula formula(String index) {
            int i = Integer.parseInt(index);
            return i < formulas.size() ? formulas.get(i) : null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private MathExtractor() {
    }

    static Extracted extract(String markdown, Parser parser) {
        // A fresh random prefix per call, so an author cannot write a placeholder that means one of our images.
        String prefix = "lecternmath" + randomLetters(12) + "n";
        Pattern placeholder = Pattern.compile(Pattern.quote(prefix) + "(\\d+)e");
        if (markdown.indexOf('$') < 0) {
            return new Extracted(markdown, List.of(), placeholder);
        }
        TreeMap<Integer, Integer> verbatim = verbatimRanges(markdown, parser);
        List<Formula> formulas = new ArrayList<>();
        StringBuilder out = new StringBuilder(markdown.length());
        int n = markdown.length();
        int i = 0;
        while (i < n) {
            int skipTo = verbatimEnd(verbatim, i);
            if (skipTo > i) {
                out.append(markdown, i, skipTo);
                i = skipTo;
                continue;
            }
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < n) {
                // Backslash escapes pass through to Markdown, which turns \$ into a literal dollar.
                out.append(c).append(markdown.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '$') {
                boolean display = i + 1 < n && markdown.charAt(i + 1) == '$';
                int close = display ? closingDisplay(markdown, i + 2, verbatim) : closingInline(markdown, i + 1, verbatim);
                if (close >= 0) {
                    int contentStart = i + (display ? 2 : 1);
                    String tex = markdown.substring(contentStart, close).strip();
                    int end = close + (display ? 2 : 1);
                    if (!tex.isEmpty()) {
                        out.append(prefix).append(formulas.size()).append('e');
                        formulas.add(new Formula(tex, display, markdown.substring(i, end)));
                        i = end;
                        continue;
                    }
                }
                if (display) {
                    out.append("$$");
                    i += 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return new Extracted(out.toString(), List.copyOf(formulas), placeholder);
    }

    /**
     * Pandoc's rule: an opening $ is followed by a non-space, a closing $ follows a non-space and precedes no
     * digit.
     */
    private static int closingInline(String s, int from, TreeMap<Integer, Integer> verbatim) {
        int n = s.length();
        if (from >= n || Character.isWhitespace(s.charAt(from)) || s.charAt(from) == '$') {
            return -1;
        }
        int k = nextDollar(s, from, verbatim);
        if (k < 0) {
            return -1;
        }
        // TeX has no bare $ inside math, so a $ that cannot close means the opening one was a plain
        // dollar: "costs $5 and $6 for $x$" keeps both prices and still finds $x$.
        boolean closes = !Character.isWhitespace(s.charAt(k - 1))
                && !(k + 1 < n && Character.isDigit(s.charAt(k + 1)));
        return closes ? k : -1;
    }

    private static int closingDisplay(String s, int from, TreeMap<Integer, Integer> verbatim) {
        for (int k = nextDollar(s, from, verbatim); k >= 0; k = nextDollar(s, k + 1, verbatim)) {
            if (k + 1 < s.length() && s.charAt(k + 1) == '$') {
                return k;
            }
        }
        return -1;
    }

    /**
     * The first {@code $} from {@code from} on that no backslash escapes, or -1 when verbatim text, a blank line or
     * the end comes first.
     */
    private static int nextDollar(String s, int from, TreeMap<Integer, Integer> verbatim) {
        for (int k = from; k < s.length(); k++) {
            if (verbatimEnd(verbatim, k) > k || blankLineAt(s, k)) {
                return -1;
            }
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '$') {
                return k;
            }
        }
        return -1;
    }

    /** A paragraph break ends any formula: a lone unmatched dollar must not swallow the rest of the reading. */
    private static boolean blankLineAt(String s, int k) {
        if (s.charAt(k) != '\n') {
            return false;
        }
        for (int j = k + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int verbatimEnd(TreeMap<Integer, Integer> verbatim, int at) {
        Map.Entry<Integer, Integer> range = verbatim.floorEntry(at);
        return range != null && at < range.getValue() ? range.getValue() : -1;
    }

    /** Code, raw HTML and link targets, where a dollar is just a dollar. */
    private static TreeMap<Integer, Integer> verbatimRanges(String markdown, Parser parser) {
        TreeMap<Integer, Integer> ranges = new TreeMap<>();
        for (Node node : parser.parse(markdown).getDescendants()) {
            if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                    || node instanceof HtmlBlockBase || node instanceof HtmlInlineBase
                    || node instanceof AutoLink || node instanceof MailLink) {
                add(ranges, node.getStartOffset(), node.getEndOffset());
            } else if (node instanceof LinkNodeBase link) {
                BasedSequence url = link.getUrl();
                if (url.isNotNull() && !url.isEmpty()) {
                    add(ranges, url.getStartOffset(), url.getEndOffset());
                }
            }
        }
        return ranges;
    }

    private static void add(TreeMap<Integer, Integer> ranges, int start, int end) {
        if (end > start) {
            ranges.merge(start, end, Math::max);
        }
    }

    private static String randomLetters(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }
}
