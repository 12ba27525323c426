package dev.lectern.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans the HTML that Markdown produced (including any raw HTML an author wrote) down to plain document markup:
 * no script, no styles, no embedded content, and links only to the web, mail and the page itself.
 */
final class HtmlSanitizer {

    /**
     * Removed with everything inside them before cleaning; the cleaner alone would keep the text of an unknown
     * element, which for these is script, CSS, or markup meant for another parser.
     */
    private static final String REMOVED_WITH_CONTENT = "script, iframe, frame, frameset, object, embed, applet, style,"
            + " link, meta, form, base, svg, math, noscript, template, noembed, noframes";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,80}");
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Set<String> KEPT_CLASSES = Set.of("footnotes", "footnote-ref", "footnote-backref");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");

    // No protocol lists here on purpose: href and src are the only URL attributes allowed, and tidy() and the
    // image policy decide about them with the reading's rules, which a protocol list cannot express.
    private static final Safelist SAFELIST = new Safelist()
            .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
                    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
                    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
                    "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
                    "thead", "tr", "u", "ul", "var", "wbr")
            .addAttributes(":all", "id", "class", "title", "lang", "dir")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height")
            .addAttributes("td", "align", "colspan", "rowspan")
            .addAttributes("th", "align", "colspan", "rowspan", "scope")
            .addAttributes("ol", "start", "type")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("details", "open");

    private HtmlSanitizer() {
    }

    /**
     * Parses and cleans an HTML fragment. {@code restore} is applied to every attribute value first, to put back
     * formula sources the math placeholders stood for, so the rules below judge what the author really wrote.
     */
    static Document clean(String html, UnaryOperator<String> restore) {
        Document dirty = Jsoup.parseBodyFragment(html);
        dirty.select(REMOVED_WITH_CONTENT).remove();
        for (Element e : dirty.getAllElements()) {
            for (Attribute a : e.attributes().asList()) {
                e.attr(a.getKey(), restore.apply(a.getValue()));
            }
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /**
     * Applies the rules the safelist cannot: ids get {@code idPrefix} (several fragments share one page, and author
     * ids must not collide with the page's own), classes are only those Markdown itself writes, links keep only
     * web, mail and in-page targets, and numeric attributes must be numbers.
     */
    static void tidy(Element root, String idPrefix) {
        Map<String, String> ids = new HashMap<>();
        for (Element e : root.select("[id]")) {
            String id = e.id();
            if (SAFE_ID.matcher(id).matches() && !ids.containsKey(id)) {
                ids.put(id, idPrefix + id);
                e.id(idPrefix + id);
            } else {
                e.removeAttr("id");
            }
        }
        for (Element e : root.select("[class]")) {
            List<String> kept = new ArrayList<>();
            for (String c : e.classNames()) {
                if (KEPT_CLASSES.contains(c) || LANGUAGE_CLASS.matcher(c).matches()) {
                    kept.add(c);
                }
            }
            if (kept.isEmpty()) {
                e.removeAttr("class");
            } else {
                e.attr("class", String.join(" ", kept));
            }
        }
        for (Element a : root.select("a[href]")) {
            Optional<String> href = Urls.safeHref(a.attr("href"));
            if (href.isEmpty()) {
                a.removeAttr("href");
                continue;
            }
            String target = href.get();
            if (target.startsWith("#")) {
                String renamed = ids.get(target.substring(1));
                a.attr("href", renamed == null ? target : "#" + renamed);
            } else {
                a.attr("href", target);
                if (Urls.isWeb(target)) {
                    a.addClass("ext-link");
                }
            }
        }
        for (String attr : List.of("width", "height", "colspan", "rowspan", "start", "span")) {
            for (Element e : root.select("[" + attr + "]")) {
                if (!NUMBER.matcher(e.attr(attr).strip()).matches()) {
                    e.removeAttr(attr);
                }
            }
        }
    }
}
