package dev.lectern.render;

import dev.lectern.course.Link;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/** Renders a whole reading as one self-contained HTML document for the reading view. */
public final class ReadingRenderer {

    static final String STYLESHEET = "/dev/lectern/styles/reading.css";

    /**
     * Belt and braces for the reading view: even if something got past the sanitiser, the page may not run
     * script, load from the network, or submit anything; images may only be course files and our formulas.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src file: data:; style-src 'unsafe-inline';"
            + " base-uri 'none'; form-action 'none'";

    private final MarkdownRenderer markdown;
    private final String css;

    /** @param courseRoot the course folder the readings come from */
    public ReadingRenderer(Path courseRoot) {
        this.markdown = new MarkdownRenderer(courseRoot);
        this.css = stylesheet();
    }

    /** The reading as a full {@code <!DOCTYPE html>} document with the stylesheet inlined. */
    public String render(Reading reading, Theme theme) {
        Document doc = Jsoup.parse("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CONTENT_SECURITY_POLICY);
        head.appendElement("title").text(reading.title());
        head.appendElement("style").appendChild(new DataNode(css));

        Element body = doc.body().addClass(theme.cssClass()).attr("data-reading-id", reading.id());
        Element article = body.appendElement("article").addClass("reading");
        Path baseDir = baseDir(reading);
        header(article, reading);

        if (!reading.abstractMarkdown().isBlank()) {
            Element section = article.appendElement("section").id("abstract");
            section.appendElement("h2").text("Abstract");
            moveChildren(markdown.render(reading.abstractMarkdown(), baseDir, "abstract-"), section);
        }
        if (!reading.slides().isEmpty()) {
            Element slides = article.appendElement("section").id("slides");
            slides.appendElement("h2").text("Slides");
            int number = 1;
            for (SlideExcerpt slide : reading.slides()) {
                slideCard(slides, slide, number++, baseDir);
            }
        }
        if (!reading.notesMarkdown().isBlank()) {
            Element section = article.appendElement("section").id("notes");
            section.appendElement("h2").text("Notes");
            moveChildren(markdown.render(reading.notesMarkdown(), baseDir, "notes-"), section);
        }
        int number = 1;
        for (Section other : shownSections(reading)) {
            String prefix = "section-" + number + "-";
            Element section = article.appendElement("section").addClass("extra-section").id("section-" + number);
            number++;
            if (!other.title().isBlank()) {
                section.appendElement("h2").appendChildren(markdown.renderInline(other.title(), baseDir, prefix));
            }
            moveChildren(markdown.render(other.markdown(), baseDir, prefix), section);
        }
        return "<!DOCTYPE html>\n" + doc.selectFirst("html").outerHtml();
    }

    /** The id of the element the slide at {@code index} of {@code Reading.slides()} is rendered in. */
    public static String slideId(int index) {
        return "slide-" + (index + 1);
    }

    /**
     * The id of the element the section at {@code index} of {@code Reading.otherSections()} is rendered in, or ""
     * when it is not shown (it is empty, or there is no such section).
     */
    public static String sectionId(Reading reading, int index) {
        List<Section> sections = reading.otherSections();
        if (index < 0 || index >= sections.size()) {
            return "";
        }
        List<Section> shown = shownSections(reading);
        for (int i = 0; i < shown.size(); i++) {
            // By identity: two sections may be equal in text, yet they are shown apart.
            if (shown.get(i) == sections.get(index)) {
                return "section-" + (i + 1);
            }
        }
        return "";
    }

    /** The other sections in the order shown, the empty ones left out. */
    private static List<Section> shownSections(Reading reading) {
        // The untitled section is the text written before the first heading; it reads as an introduction.
        List<Section> others = new ArrayList<>(reading.otherSections());
        others.removeIf(s -> s.title().isBlank() && s.markdown().isBlank());
        others.sort(Comparator.comparing((Section s) -> !s.title().isBlank()));
        return others;
    }

    private void header(Element article, Reading reading) {
        Element header = article.appendElement("header").addClass("reading-header");
        header.appendElement("h1").id("title").text(reading.title());
        if (!reading.authors().isEmpty()) {
            header.appendElement("p").addClass("authors").text(String.join(", ", reading.authors()));
        }
        List<Element> facts = new ArrayList<>();
        reading.venue().filter(v -> !v.isBlank())
                .ifPresent(v -> facts.add(new Element("span").addClass("venue").text(v.strip())));
        if (reading.year().isPresent()) {
            String year = Integer.toString(reading.year().getAsInt());
            // "NeurIPS 2023 · 2023" says the year twice.
            if (reading.venue().map(v -> !v.contains(year)).orElse(true)) {
                facts.add(new Element("span").addClass("year").text(year));
            }
        }
        if (reading.kind() != ReadingKind.PAPER) {
            facts.add(new Element("span").addClass("kind").text(kindLabel(reading.kind())));
        }
        facts.add(new Element("span").addClass("schedule").text(schedule(reading)));
        Element meta = header.appendElement("p").addClass("meta");
        for (int i = 0; i < facts.size(); i++) {
            if (i > 0) {
                meta.appendElement("span").addClass("sep").attr("aria-hidden", "true").text(" \u00b7 ");
            }
            meta.appendChild(facts.get(i));
        }
        if (!reading.tags().isEmpty()) {
            Element tags = header.appendElement("ul").addClass("tags");
            for (String tag : reading.tags()) {
                tags.appendElement("li").addClass("tag").text(tag);
            }
        }
        List<Link> links = reading.links().stream()
                .filter(l -> Urls.isWeb(Urls.clean(l.url())))
                .sorted(Comparator.comparing(Link::kind))
                .toList();
        if (!links.isEmpty()) {
            Element nav = header.appendElement("nav").addClass("links");
            for (Link link : links) {
                nav.appendElement("a").addClass("ext-link").addClass("link-" + link.kind().key())
                        .attr("href", Urls.clean(link.url())).text(link.kind().label());
            }
        }
    }

    private void slideCard(Element slides, SlideExcerpt slide, int number, Path baseDir) {
        String prefix = "slide-" + number + "-";
        Element card = slides.appendElement("section").addClass("slide-card").id("slide-" + number);
        if (!slide.title().isBlank() || slide.page().isPresent()) {
            Element top = card.appendElement("header").addClass("slide-header");
            if (!slide.title().isBlank()) {
                top.appendElement("h3").addClass("slide-title")
                        .appendChildren(markdown.renderInline(slide.title(), baseDir, prefix));
            }
            if (slide.page().isPresent()) {
                top.appendElement("span").addClass("slide-page").text("p. " + slide.page().getAsInt());
            }
        }
        slide.image().filter(i -> !i.isBlank()).ifPresent(image -> {
            Element shown = markdown.images().element(image, slide.title(), baseDir);
            if (shown.nameIs("img")) {
                shown.addClass("slide-image");
            }
            card.appendElement("figure").addClass("slide-figure").appendChild(shown);
        });
        if (!slide.markdown().isBlank()) {
            moveChildren(markdown.render(slide.markdown(), baseDir, prefix), card.appendElement("div").addClass("slide-text"));
        }
    }

    private Path baseDir(Reading reading) {
        Path root = markdown.images().root();
        if (reading.source() == null || reading.source().file() == null) {
            return root.resolve("readings");
        }
        Path parent = root.resolve(reading.source().file()).normalize().getParent();
        return parent == null ? root : parent;
    }

    private static String schedule(Reading reading) {
        String week = "Week " + reading.week();
        return reading.session().map(s -> {
            String label = s.label() == null ? "" : s.label().strip();
            return week + " \u00b7 " + (label.isEmpty() ? "Session " + s.number() : label);
        }).orElse(week);
    }

    private static String kindLabel(ReadingKind kind) {
        String key = kind.key();
        return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }

    private static void moveChildren(Element from, Element to) {
        for (Node child : new ArrayList<>(from.childNodes())) {
            to.appendChild(child);
        }
    }

    static String stylesheet() {
        try (InputStream in = ReadingRenderer.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET + " is missing from the class path; the build copies"
                        + " styles/ there (./mvnw process-resources).");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
