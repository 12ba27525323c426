package dev.lectern.pdf;

import dev.lectern.pdf.PdfFonts.Face;
import dev.lectern.pdf.Typesetter.Box;
import dev.lectern.pdf.Typesetter.Run;
import dev.lectern.render.MarkdownRenderer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Course Markdown set as text: rendered to safe HTML by the course's {@link MarkdownRenderer} (formulas marked with
 * their TeX), then walked into the typesetter's paragraphs, lists, code and tables, with bold, italic and code runs.
 * Formulas are typeset as pictures in the line (display ones centred on a line of their own; one that cannot be
 * drawn prints as its source in the monospaced face); an image inside the course folder is drawn, any other becomes
 * a bracketed note with its description.
 */
final class MarkdownText {

    /** What a document's pictures come from: its formulas, drawn once each, and the course's images. */
    record Pictures(PdfFormulas formulas, PdfImages images) {
    }

    private final MarkdownRenderer renderer;
    private final Typesetter out;
    private final Pictures pictures;

    MarkdownText(MarkdownRenderer renderer, Typesetter out, Pictures pictures) {
        this.renderer = renderer;
        this.out = out;
        this.pictures = pictures;
    }

    /** Sets {@code markdown} at {@code indent}; relative image paths resolve against {@code baseDir}. */
    void write(String markdown, Path baseDir, float indent) throws IOException {
        if (markdown == null || markdown.isBlank()) {
            return;
        }
        String html = renderer.toSafeHtml(markdown, baseDir, MarkdownRenderer.MathOutput.TEX);
        Element body = Jsoup.parseBodyFragment(html).body();
        blocks(body, indent);
    }

    /** One line of Markdown (a prompt, a title) as runs, all in {@code face} unless marked otherwise. */
    List<Run> inline(String markdown, Path baseDir, Face face) throws IOException {
        String html = renderer.toSafeHtml(markdown == null ? "" : markdown, baseDir, MarkdownRenderer.MathOutput.TEX);
        Element body = Jsoup.parseBodyFragment(html).body();
        List<Run> runs = new ArrayList<>();
        for (Element block : body.children()) {
            if (!runs.isEmpty()) {
                runs.add(new Run(" ", face));
            }
            inline(block, face, runs);
        }
        if (runs.isEmpty()) {
            runs.add(new Run(body.text(), face));
        }
        return runs;
    }

    private void blocks(Element parent, float indent) throws IOException {
        List<Node> loose = new ArrayList<>();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flush(loose, indent);
                block(e, indent);
            } else {
                loose.add(node);
            }
        }
        flush(loose, indent);
    }

    /** Inline nodes met among blocks (text directly in a list item, say) set as one paragraph. */
    private void flush(List<Node> loose, float indent) throws IOException {
        if (loose.isEmpty()) {
            return;
        }
        List<Run> runs = new ArrayList<>();
        for (Node n : loose) {
            inline(n, Face.REGULAR, runs);
        }
        loose.clear();
        if (runs.stream().anyMatch(r -> r.box() != null || !r.text().isBlank())) {
            out.paragraph(runs, indent, Typesetter.BODY);
        }
    }

    private static boolean isBlock(Element e) {
        return switch (e.tagName().toLowerCase(Locale.ROOT)) {
            case "p", "ul", "ol", "pre", "blockquote", "table", "hr", "div", "section", "h1", "h2", "h3", "h4", "h5",
                    "h6", "dl", "li" -> true;
            default -> false;
        };
    }

    private void block(Element e, float indent) throws IOException {
        String tag = e.tagName().toLowerCase(Locale.ROOT);
        switch (tag) {
            case "p" -> {
                List<Run> runs = new ArrayList<>();
                inline(e, Face.REGULAR, runs);
                out.paragraph(runs, indent, Typesetter.BODY);
                out.space(Typesetter.BODY * 0.5f);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                List<Run> runs = new ArrayList<>();
                inline(e, Face.BOLD, runs);
                out.space(3f);
                out.keepWithNext(() -> out.paragraph(runs, indent, tag.equals("h1") || tag.equals("h2") ? 11.5f
                        : Typesetter.BODY));
                out.space(2f);
            }
            case "ul", "ol" -> {
                int number = 1;
                if (tag.equals("ol") && e.hasAttr("start")) {
                    try {
                        number = Integer.parseInt(e.attr("start").strip());
                    } catch (NumberFormatException ignored) {
                        number = 1;
                    }
                }
                for (Element li : e.children()) {
                    if (!li.tagName().equalsIgnoreCase("li")) {
                        continue;
                    }
                    listItem(li, tag.equals("ol") ? number++ + "." : "•", indent);
                }
                out.space(Typesetter.BODY * 0.4f);
            }
            case "pre" -> out.code(e.wholeText().replaceAll("\n$", ""), indent + 8f);
            case "blockquote" -> blocks(e, indent + 14f);
            case "hr" -> out.rule();
            case "table" -> table(e, indent);
            case "li" -> listItem(e, "•", indent);
            default -> blocks(e, indent);
        }
    }

    /** The item's first paragraph beside the marker; nested lists and further paragraphs indented under it. */
    private void listItem(Element li, String marker, float indent) throws IOException {
        List<Run> first = new ArrayList<>();
        List<Element> rest = new ArrayList<>();
        boolean firstTaken = false;
        for (Node node : li.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                if (!firstTaken && first.stream().allMatch(r -> r.box() == null && r.text().isBlank()) && e.tagName().equals("p")) {
                    inline(e, Face.REGULAR, first);
                    firstTaken = true;
                } else {
                    firstTaken = true;
                    rest.add(e);
                }
            } else if (!firstTaken) {
                inline(node, Face.REGULAR, first);
            } else if (!(node instanceof TextNode t && t.isBlank())) {
                Element wrapper = new Element("p");
                wrapper.appendChild(node.clone());
                rest.add(wrapper);
            }
        }
        out.item(marker, first, indent, Typesetter.BODY);
        for (Element e : rest) {
            block(e, indent + 14f);
        }
    }

    /** A table with its header rows (those in thead, or leading rows of th cells only) in bold. */
    private void table(Element table, float indent) throws IOException {
        List<List<List<Run>>> rows = new ArrayList<>();
        int headerRows = 0;
        boolean inHeader = true;
        for (Element row : table.select("tr")) {
            List<List<Run>> cells = new ArrayList<>();
            boolean allHeaders = !row.children().isEmpty();
            for (Element cell : row.children()) {
                boolean header = cell.tagName().equalsIgnoreCase("th");
                allHeaders &= header;
                List<Run> runs = new ArrayList<>();
                inline(cell, header ? Face.BOLD : Face.REGULAR, runs);
                cells.add(runs);
            }
            inHeader &= allHeaders || row.parent() != null && row.parent().tagName().equalsIgnoreCase("thead");
            headerRows += inHeader ? 1 : 0;
            rows.add(cells);
        }
        out.space(2f);
        out.table(rows, headerRows, indent + 4f);
    }

    private void inline(Node node, Face face, List<Run> runs) throws IOException {
        if (node instanceof TextNode t) {
            String text = t.getWholeText().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                runs.add(new Run(text, face));
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.tagName().toLowerCase(Locale.ROOT);
        Face inner = switch (tag) {
            case "strong", "b", "th" -> Face.BOLD;
            case "em", "i", "cite" -> face == Face.BOLD ? Face.BOLD : Face.ITALIC;
            case "code", "kbd", "samp" -> Face.MONO;
            default -> face;
        };
        if (tag.equals("span") && e.hasClass("math-tex")) {
            boolean display = e.attr("data-display").equals("true");
            Optional<Box> box = pictures.formulas().box(e.attr("data-tex"), display, e.text(), Typesetter.BODY);
            runs.add(box.map(Run::box).orElseGet(() -> new Run(e.text(), Face.MONO)));
            return;
        }
        if (tag.equals("span") && (e.hasClass("refused-image") || e.hasClass("remote-image"))) {
            runs.add(Run.italic(imageNote(e)));
            return;
        }
        switch (tag) {
            case "br" -> runs.add(new Run(" ", face));
            case "img" -> runs.add(image(e));
            case "a" -> {
                for (Node child : e.childNodes()) {
                    inline(child, inner, runs);
                }
                String href = e.attr("href");
                if ((href.startsWith("http://") || href.startsWith("https://")) && !e.text().strip().equals(href)) {
                    runs.add(new Run(" (" + href + ")", Face.REGULAR));
                }
            }
            case "sup" -> {
                runs.add(new Run("^", face));
                for (Node child : e.childNodes()) {
                    inline(child, inner, runs);
                }
            }
            default -> {
                for (Node child : e.childNodes()) {
                    if (child instanceof Element c && isBlock(c)) {
                        runs.add(new Run(" ", face));
                    }
                    inline(child, inner, runs);
                }
            }
        }
    }

    /** An image the renderer found in the course folder, drawn on a line of its own; else a note. */
    private Run image(Element img) throws IOException {
        String alt = img.attr("alt").strip();
        String src = img.attr("src");
        PdfImages.Loaded loaded;
        try {
            loaded = src.startsWith("file:") ? pictures.images().file(Path.of(URI.create(src))) : PdfImages.Loaded.refused(
                    "not a file in the course folder, not included");
        } catch (IllegalArgumentException e) {
            loaded = PdfImages.Loaded.refused("not a valid file name");
        }
        if (loaded.ok()) {
            return Run.box(Typesetter.imageBox(loaded.image(), true).fitting(Typesetter.WIDTH,
                    Typesetter.IMAGE_MAX_HEIGHT));
        }
        return Run.italic("[image: " + (alt.isEmpty() ? src.substring(src.lastIndexOf('/') + 1) : alt) + " — "
                + loaded.reason() + "]");
    }

    /** The renderer's placeholder for a refused or a remote image, as the sheet's bracketed note. */
    private static String imageNote(Element span) {
        if (span.hasClass("remote-image")) {
            Element link = span.selectFirst("a");
            String url = link == null ? "" : link.attr("href");
            String description = link == null ? url : link.text();
            return "[image: " + description + " — on the web, not included" + (description.equals(url) ? ""
                    : " (" + url + ")") + "]";
        }
        return "[image: " + span.text().replaceFirst("^Image refused: ", "").replaceAll("\\.$", "") + "]";
    }
}
