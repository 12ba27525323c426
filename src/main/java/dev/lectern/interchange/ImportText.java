package dev.lectern.interchange;

import dev.lectern.course.load.Words;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/** Text helpers shared by the importers: slugs, title matching, and HTML to Markdown. */
public final class ImportText {

    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at",
            "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
            "that", "these", "those", "which", "what", "who", "whom", "how", "why", "when", "where", "do", "does",
            "did", "can", "could", "should", "would", "will", "into", "than", "then", "so", "such", "their", "there",
            "they", "them", "we", "our", "you", "your", "i", "me", "my", "he", "she", "his", "her", "not", "no", "via",
            "also", "more", "most", "each", "any", "all", "some", "has", "have", "had", "about", "between", "over",
            "while", "both", "using", "used", "use", "paper", "explain", "detail", "meant", "mean", "means");

    /** Words a slug does not end with. */
    private static final Set<String> SLUG_TRAILING = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "by", "for",
            "with", "from", "and", "or", "about", "as", "via", "into", "is", "are", "what", "how", "why");

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    private ImportText() {
    }

    /** Lower case, accents and punctuation dropped, single spaces. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A slug of at most {@code maxWords} words, without stop words at its end. */
    public static String slug(String text, int maxWords) {
        String[] words = NON_SLUG.matcher(normalize(text)).replaceAll(" ").strip().split(" ");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty() && kept.size() < maxWords) {
                kept.add(w);
            }
        }
        while (kept.size() > 1 && SLUG_TRAILING.contains(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        String slug = String.join("-", kept);
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    /** The content words of a text (no stop words, at least two letters), in order, without repeats. */
    public static List<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : normalize(text).split(" ")) {
            if (w.length() >= 2 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    /**
     * How alike two titles are, from 0 to 1: the mean of the Jaro-Winkler similarity of the normalised titles and
     * the overlap (Dice) of their content words; a title whose words are all in the other (a short title, a
     * title cut off) scores at least 0.9.
     */
    static double titleSimilarity(String a, String b) {
        String na = normalize(a);
        String nb = normalize(b);
        if (na.isEmpty() || nb.isEmpty()) {
            return 0;
        }
        if (na.equals(nb)) {
            return 1;
        }
        Set<String> wa = new LinkedHashSet<>(contentWords(na));
        Set<String> wb = new LinkedHashSet<>(contentWords(nb));
        int shared = 0;
        for (String w : wa) {
            if (wb.contains(w)) {
                shared++;
            }
        }
        double dice = wa.isEmpty() || wb.isEmpty() ? 0 : 2.0 * shared / (wa.size() + wb.size());
        double score = (JARO_WINKLER.apply(na, nb) + dice) / 2;
        boolean contained = shared >= 2 && (shared == wa.size() || shared == wb.size());
        return contained ? Math.max(score, 0.9) : score;
    }

    public static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\\d+;");

    public static boolean looksLikeHtml(String text) {
        return TAG.matcher(text).find();
    }

    /** The text of a line that may hold inline HTML such as {@code <u>…</u>}. */
    public static String stripTags(String text) {
        if (!looksLikeHtml(text)) {
            return text;
        }
        return Jsoup.parseBodyFragment(text).body().text().replace('\u00a0', ' ');
    }

    /** HTML (as Anki stores fields) to Markdown: line breaks, bold, italics, code, links and lists; images dropped. */
    public static String htmlToMarkdown(String html, List<String> dropped) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        markdown(body, out, dropped);
        return out.toString().replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static void markdown(org.jsoup.nodes.Node node, StringBuilder out, List<String> dropped) {
        for (org.jsoup.nodes.Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText().replaceAll("\\s*\\n\\s*", " "));
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                switch (tag) {
                    case "br" -> out.append('\n');
                    case "img" -> dropped.add("an image (" + Words.abbreviate(e.attr("src")) + ")");
                    case "script", "style" -> dropped.add("a <" + tag + "> element");
                    case "b", "strong" -> inline(e, out, dropped, "**");
                    case "i", "em" -> inline(e, out, dropped, "*");
                    case "code" -> inline(e, out, dropped, "`");
                    case "a" -> {
                        String href = e.attr("href");
                        if (href.matches("(?i)https?://\\S+")) {
                            out.append('[');
                            markdown(e, out, dropped);
                            out.append("](").append(href).append(')');
                        } else {
                            markdown(e, out, dropped);
                        }
                    }
                    case "li" -> {
                        newLine(out);
                        out.append("- ");
                        markdown(e, out, dropped);
                        newLine(out);
                    }
                    case "div", "p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
                            "tr" -> {
                        newLine(out);
                        markdown(e, out, dropped);
                        newLine(out);
                    }
                    default -> markdown(e, out, dropped);
                }
            }
        }
    }

    private static void inline(Element e, StringBuilder out, List<String> dropped, String mark) {
        StringBuilder inner = new StringBuilder();
        markdown(e, inner, dropped);
        String text = inner.toString();
        if (text.isBlank()) {
            out.append(text);
            return;
        }
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        String trail = text.substring(text.stripTrailing().length());
        out.append(lead).append(mark).append(text.strip()).append(mark).append(trail);
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** The first web address in a text, without trailing punctuation. */
    public static java.util.Optional<String> firstUrl(String text) {
        Matcher m = URL.matcher(text);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group().replaceAll("[.,;:)\\]>]+$", ""));
    }

    static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')\\]]+", Pattern.CASE_INSENSITIVE);
}
