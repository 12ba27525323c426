package dev.lectern.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Turns course Markdown into sanitised HTML fragments that can be shown safely. */
public final class MarkdownRenderer {

    private static final Parser PARSER;
    private static final HtmlRenderer HTML;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create()));
        PARSER = Parser.builder(options).build();
        HTML = HtmlRenderer.builder(options).build();
    }

    private final ImagePolicy images;
    private final MathImages math;

    /** @param courseRoot the course folder; no image outside it is ever shown */
    public MarkdownRenderer(Path courseRoot) {
        this(courseRoot, MathImages.shared());
    }

    MarkdownRenderer(Path courseRoot, MathImages math) {
        this.images = new ImagePolicy(courseRoot);
        this.math = math;
    }

    /** Markdown -> safe HTML fragment; relative image paths resolve against baseDir (the reading file's folder). */
    public String toSafeHtml(String markdown, Path baseDir) {
        return render(markdown, baseDir, "md-").html();
    }

    /** How formulas appear in the HTML. */
    public enum MathOutput {
        /** Rendered images, as the app shows them. */
        IMAGES,
        /** The source as written ({@code $x$}, {@code $$x$$}), as text. */
        SOURCE,
        /** MathJax delimiters ({@code \(x\)}, {@code \[x\]}), as Anki renders them. */
        MATHJAX,
        /**
         * For typesetters that draw formulas themselves: {@code <span class="math-tex" data-tex="x"
         * data-display="false">$x$</span>}, the source as its text.
         */
        TEX
    }

    /** As {@link #toSafeHtml(String, Path)}, with formulas written as {@code math} says. */
    public String toSafeHtml(String markdown, Path baseDir, MathOutput math) {
        return render(markdown, baseDir, "md-", math).html();
    }

    ImagePolicy images() {
        return images;
    }

    /**
     * The safe fragment as the children of a detached element, for callers that assemble a larger page.
     *
     * @param idPrefix put before every id the fragment defines (footnotes, say) so fragments on one page differ
     */
    Element render(String markdown, Path baseDir, String idPrefix) {
        return render(markdown, baseDir, idPrefix, MathOutput.IMAGES);
    }

    private Element render(String markdown, Path baseDir, String idPrefix, MathOutput mathOutput) {
        MathExtractor.Extracted extracted = MathExtractor.extract(markdown == null ? "" : markdown, PARSER);
        String html = HTML.render(PARSER.parse(extracted.markdown()));
        Document doc = HtmlSanitizer.clean(html, value -> restoreSources(value, extracted));
        Element body = doc.body();
        HtmlSanitizer.tidy(body, idPrefix);
        for (Element img : new ArrayList<>(body.select("img"))) {
            Element replacement = images.element(img.attr("src"), img.attr("alt"), baseDir);
            if (replacement.tagName().equals("img")) {
                for (String attr : List.of("title", "width", "height")) {
                    if (img.hasAttr(attr)) {
                        replacement.attr(attr, img.attr(attr));
                    }
                }
            }
            img.replaceWith(replacement);
        }
        // Last, so that the data: URIs of formula images are added after the cleaner and never judged as links.
        insertFormulas(body, extracted, mathOutput);
        return body;
    }

    /**
     * A one-line piece of Markdown (a slide or section title) as inline nodes; anything that Markdown reads as a
     * block, such as "1. Introduction", is shown as the plain text it was written as.
     */
    List<Node> renderInline(String markdown, Path baseDir, String idPrefix) {
        Element body = render(markdown, baseDir, idPrefix);
        if (body.childrenSize() == 1 && body.child(0).tagName().equals("p") && body.textNodes().stream()
                .allMatch(TextNode::isBlank)) {
            return new ArrayList<>(body.child(0).childNodes());
        }
        return List.of(new TextNode(markdown == null ? "" : markdown.strip()));
    }

    private void insertFormulas(Element body, MathExtractor.Extracted extracted, MathOutput mathOutput) {
        if (extracted.formulas().isEmpty()) {
            return;
        }
        List<TextNode> texts = new ArrayList<>();
        body.traverse((node, depth) -> {
            if (node instanceof TextNode text && extracted.placeholder().matcher(text.getWholeText()).find()) {
                texts.add(text);
            }
        });
        for (TextNode text : texts) {
            Element parent = text.parent();
            boolean verbatim = parent != null && (parent.closest("code") != null || parent.closest("pre") != null);
            String whole = text.getWholeText();
            Matcher m = extracted.placeholder().matcher(whole);
            List<Node> parts = new ArrayList<>();
            StringBuilder pending = new StringBuilder();
            int last = 0;
            while (m.find()) {
                pending.append(whole, last, m.start());
                last = m.end();
                MathExtractor.Formula formula = extracted.formula(m.group(1));
                if (formula == null || verbatim || mathOutput == MathOutput.SOURCE) {
                    pending.append(formula == null ? m.group() : formula.source());
                    continue;
                }
                if (mathOutput == MathOutput.TEX) {
                    if (pending.length() > 0) {
                        parts.add(new TextNode(pending.toString()));
                        pending.setLength(0);
                    }
                    parts.add(new Element("span").addClass("math-tex").attr("data-tex", formula.tex())
                            .attr("data-display", Boolean.toString(formula.display())).text(formula.source()));
                    continue;
                }
                if (mathOutput == MathOutput.MATHJAX) {
                    pending.append(formula.display() ? "\\[" + formula.tex() + "\\]" : "\\(" + formula.tex() + "\\)");
                    continue;
                }
                if (pending.length() > 0) {
                    parts.add(new TextNode(pending.toString()));
                    pending.setLength(0);
                }
                parts.add(formulaElement(formula));
            }
            pending.append(whole, last, whole.length());
            if (pending.length() > 0) {
                parts.add(new TextNode(pending.toString()));
            }
            for (Node part : parts) {
                text.before(part);
            }
            text.remove();
        }
    }

    private Element formulaElement(MathExtractor.Formula formula) {
        MathImages.Result result = math.render(formula.tex(), formula.display());
        if (!result.ok()) {
            return new Element("code").addClass("math-error").attr("title", "This formula has an error: "
                    + result.error()).text(formula.source());
        }
        Element img = new Element("img")
                .addClass(formula.display() ? "math-display" : "math-inline")
                .attr("src", result.dataUri())
                .attr("alt", formula.tex())
                .attr("width", Integer.toString(result.width()))
                .attr("height", Integer.toString(result.height()));
        if (!formula.display() && result.depth() > 0) {
            // Our own attribute, added after cleaning: lines the formula's baseline up with the text's.
            img.attr("style", "vertical-align: -" + result.depth() + "px");
        }
        return img;
    }

    private static String restoreSources(String value, MathExtractor.Extracted extracted) {
        if (extracted.formulas().isEmpty()) {
            return value;
        }
        Matcher m = extracted.placeholder().matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            MathExtractor.Formula formula = extracted.formula(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(formula == null ? m.group() : formula.source()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
