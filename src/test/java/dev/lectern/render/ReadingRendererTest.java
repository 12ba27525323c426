package dev.lectern.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.Link;
import dev.lectern.course.LinkKind;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.Section;
import dev.lectern.course.Session;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.SourceRef;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reading becomes one self-contained page with its header and sections in order, for the bundled course too. */
class ReadingRendererTest {

    private static Course bundled;

    @TempDir
    Path temp;

    private CourseFixture course;

    @BeforeAll
    static void loadBundledCourse() {
        LoadedCourse loaded = CourseLoader.load(Path.of("").toAbsolutePath());
        bundled = loaded.course();
    }

    @BeforeEach
    void createCourse() {
        course = new CourseFixture(temp);
    }

    private Reading reading(String abstractMarkdown, List<SlideExcerpt> slides, String notes, List<Section> others) {
        return new Reading("clip", "Learning Transferable Visual Models", "CLIP", ReadingKind.SLIDES,
                List.of("Alec Radford", "Jong Wook Kim"), OptionalInt.of(2021), Optional.of("ICML"),
                List.of(new Link(LinkKind.CODE, "https://github.com/openai/CLIP"),
                        new Link(LinkKind.ARXIV, "https://arxiv.org/abs/2103.00020"),
                        new Link(LinkKind.PROJECT, "javascript:alert(1)")),
                7, Optional.of(new Session(2, "Thursday: Contrastive")), List.of("contrastive", "zero-shot"),
                List.of(), abstractMarkdown, slides, notes, others,
                new SourceRef(course.readings.resolve("clip.md"), 1));
    }

    private Reading simpleReading() {
        return reading("CLIP learns from *400M* pairs.",
                List.of(new SlideExcerpt("Contrastive pre-training", "Match $N$ images to $N$ texts.",
                        Optional.of("images/ok.png"), OptionalInt.of(12))),
                "Compare with ALIGN.", List.of(new Section("Discussion", "Why does it transfer?")));
    }

    private Document render(Reading reading, Theme theme) {
        return Jsoup.parse(new ReadingRenderer(course.root).render(reading, theme));
    }

    @Test
    void theDocumentIsACompletePageWithTheStylesheetInlined() {
        String html = new ReadingRenderer(course.root).render(simpleReading(), Theme.LIGHT);
        assertThat(html).startsWith("<!DOCTYPE html>");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("head > style")).hasSize(1);
        assertThat(doc.select("head > style").html()).contains("--accent", "body.theme-dark");
        assertThat(doc.select("head > link, script")).isEmpty();
        assertThat(doc.title()).isEqualTo("Learning Transferable Visual Models");
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
    }

    @Test
    void theBodyCarriesTheThemeClassAndTheReadingId() {
        assertThat(render(simpleReading(), Theme.LIGHT).body().classNames()).containsExactly("theme-light");
        Document dark = render(simpleReading(), Theme.DARK);
        assertThat(dark.body().classNames()).containsExactly("theme-dark");
        assertThat(dark.body().attr("data-reading-id")).isEqualTo("clip");
        assertThat(Theme.LIGHT.cssClass()).isEqualTo("theme-light");
        assertThat(Theme.DARK.cssClass()).isEqualTo("theme-dark");
    }

    @Test
    void theHeaderShowsTitleAuthorsVenueYearKindScheduleAndTags() {
        Element header = render(simpleReading(), Theme.LIGHT).selectFirst("header.reading-header");
        assertThat(header.select("h1#title").text()).isEqualTo("Learning Transferable Visual Models");
        assertThat(header.select(".authors").text()).isEqualTo("Alec Radford, Jong Wook Kim");
        assertThat(header.select(".venue").text()).isEqualTo("ICML");
        assertThat(header.select(".year").text()).isEqualTo("2021");
        assertThat(header.select(".kind").text()).isEqualTo("Slides");
        assertThat(header.select(".schedule").text()).isEqualTo("Week 7 \u00b7 Thursday: Contrastive");
        assertThat(header.select("ul.tags > li.tag").eachText()).containsExactly("contrastive", "zero-shot");
    }

    @Test
    void aPaperDoesNotSayItIsAPaperAndAYearInTheVenueIsNotRepeated() {
        Reading paper = new Reading("p", "A Paper", "P", ReadingKind.PAPER, List.of("A"), OptionalInt.of(2023),
                Optional.of("NeurIPS 2023"), List.of(), 3, Optional.empty(), List.of(), List.of(), "Text.",
                List.of(), "", List.of(), new SourceRef(course.readings.resolve("p.md"), 1));
        Element header = render(paper, Theme.LIGHT).selectFirst("header.reading-header");
        assertThat(header.select(".kind, .year, .tags, .links")).isEmpty();
        assertThat(header.select(".meta").text()).isEqualTo("NeurIPS 2023 \u00b7 Week 3");
    }

    @Test
    void linksAreExternalLinksInLinkKindOrderAndOnlyToTheWeb() {
        Document doc = render(simpleReading(), Theme.LIGHT);
        assertThat(doc.select("nav.links > a.ext-link").eachText()).containsExactly("arXiv", "Code");
        assertThat(doc.select("nav.links > a.ext-link").eachAttr("href"))
                .containsExactly("https://arxiv.org/abs/2103.00020", "https://github.com/openai/CLIP");
        assertThat(doc.html()).doesNotContain("javascript:");
    }

    @Test
    void sectionsComeInOrderAbstractSlidesNotesThenTheRest() {
        Reading reading = reading("The abstract.", List.of(new SlideExcerpt("One", "Slide text.", Optional.empty(),
                OptionalInt.empty())), "The notes.", List.of(new Section("Discussion", "Talk."),
                new Section("", "Before any heading."), new Section("Further reading", "Books.")));
        Element article = render(reading, Theme.LIGHT).selectFirst("article");
        List<String> order = new ArrayList<>();
        for (Element section : article.select("> section")) {
            order.add(section.id() + ":" + section.select("> h2").text());
        }
        assertThat(order).containsExactly("abstract:Abstract", "slides:Slides", "notes:Notes", "section-1:",
                "section-2:Discussion", "section-3:Further reading");
        assertThat(article.selectFirst("#section-1").text()).isEqualTo("Before any heading.");
    }

    @Test
    void theIdsOfSlidesAndSectionsAreThoseOfTheElementsTheyAreRenderedIn() {
        Section discussion = new Section("Discussion", "Talk.");
        Section empty = new Section("", "");
        Section intro = new Section("", "Before any heading.");
        Reading reading = reading("The abstract.", List.of(new SlideExcerpt("One", "Slide text.", Optional.empty(),
                OptionalInt.empty()), new SlideExcerpt("Two", "More text.", Optional.empty(), OptionalInt.empty())),
                "", List.of(discussion, empty, intro));
        Document doc = render(reading, Theme.LIGHT);

        assertThat(doc.getElementById(ReadingRenderer.slideId(1)).text()).contains("More text.");
        assertThat(doc.getElementById(ReadingRenderer.sectionId(reading, 0)).text()).contains("Talk.");
        assertThat(doc.getElementById(ReadingRenderer.sectionId(reading, 2)).text()).isEqualTo("Before any heading.");
        assertThat(ReadingRenderer.sectionId(reading, 1)).isEmpty();
        assertThat(ReadingRenderer.sectionId(reading, 3)).isEmpty();
    }

    @Test
    void emptySectionsAreLeftOut() {
        Reading reading = reading("  ", List.of(), "", List.of(new Section("Discussion", "Talk.")));
        Document doc = render(reading, Theme.LIGHT);
        assertThat(doc.select("#abstract, #slides, #notes")).isEmpty();
        assertThat(doc.select("article > section > h2").eachText()).containsExactly("Discussion");
        assertThat(doc.select("h1#title")).hasSize(1);
    }

    @Test
    void slideCardsShowTitlePageImageAndText() {
        Document doc = render(simpleReading(), Theme.LIGHT);
        Element card = doc.selectFirst("section#slides > section.slide-card");
        assertThat(card.select(".slide-title").text()).isEqualTo("Contrastive pre-training");
        assertThat(card.select(".slide-page").text()).isEqualTo("p. 12");
        assertThat(card.select("img.slide-image").attr("src"))
                .isEqualTo(course.images.resolve("ok.png").toUri().toString());
        assertThat(card.select("img.slide-image").attr("alt")).isEqualTo("Contrastive pre-training");
        assertThat(card.select(".slide-text").text()).isEqualTo("Match images to texts.");
        assertThat(card.select(".slide-text img.math-inline").eachAttr("alt")).containsExactly("N", "N");
    }

    @Test
    void slideImagesGoThroughTheSameImageCheck() throws IOException {
        Files.write(temp.resolve("outside.png"), new byte[] {1});
        Reading reading = reading("", List.of(
                new SlideExcerpt("Escapes", "Text one.", Optional.of("../../outside.png"), OptionalInt.empty()),
                new SlideExcerpt("Remote", "Text two.", Optional.of("https://example.org/s.png"), OptionalInt.of(3)),
                new SlideExcerpt("Scheme", "Text three.", Optional.of("file:///etc/passwd"), OptionalInt.empty())),
                "", List.of());
        Document doc = render(reading, Theme.LIGHT);
        List<Element> cards = doc.select("section.slide-card");
        assertThat(cards).hasSize(3);
        assertThat(doc.select("section.slide-card img")).isEmpty();
        assertThat(cards.get(0).select(".refused-image").text()).contains("outside the course folder");
        assertThat(cards.get(1).select(".remote-image a.ext-link").attr("href")).isEqualTo("https://example.org/s.png");
        assertThat(cards.get(2).select(".refused-image")).hasSize(1);
        assertThat(doc.select(".slide-text").eachText()).containsExactly("Text one.", "Text two.", "Text three.");
    }

    @Test
    void slideAndSectionTitlesMayHoldInlineMarkdownAndMath() {
        Reading reading = reading("", List.of(new SlideExcerpt("The $\\ell_2$ *loss*", "Text.", Optional.empty(),
                OptionalInt.empty()), new SlideExcerpt("1. Introduction", "More.", Optional.empty(),
                OptionalInt.empty())), "", List.of(new Section("Why $k$ matters", "Because.")));
        Document doc = render(reading, Theme.LIGHT);
        Element first = doc.select(".slide-title").get(0);
        assertThat(first.select("img.math-inline").attr("alt")).isEqualTo("\\ell_2");
        assertThat(first.select("em").text()).isEqualTo("loss");
        assertThat(doc.select(".slide-title").get(1).text()).isEqualTo("1. Introduction");
        assertThat(doc.select(".slide-title ol")).isEmpty();
        assertThat(doc.select(".extra-section > h2 img.math-inline").attr("alt")).isEqualTo("k");
    }

    @Test
    void footnotesInDifferentPartsOfTheReadingDoNotShareIds() {
        Reading reading = reading("Abstract claim.[^1]\n\n[^1]: Abstract note.", List.of(), "Notes claim.[^1]\n\n"
                + "[^1]: Notes note.", List.of());
        Document doc = render(reading, Theme.LIGHT);
        List<String> ids = doc.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
        for (Element ref : doc.select("a.footnote-ref")) {
            Element note = doc.selectFirst(ref.attr("href"));
            assertThat(note).as(ref.attr("href")).isNotNull();
            assertThat(note.closest("section")).isEqualTo(ref.closest("section"));
        }
        assertThat(doc.select("#abstract a.footnote-ref, #notes a.footnote-ref")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llava", "segment-anything"})
    void aBundledReadingRendersCompletely(String id) {
        Reading reading = bundled.reading(id).orElseThrow();
        String html = new ReadingRenderer(bundled.root()).render(reading, Theme.LIGHT);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("h1#title").text()).isEqualTo(reading.title());
        String firstWords = String.join(" ", List.of(reading.abstractMarkdown().strip().split("\\s+")).subList(0, 4));
        assertThat(doc.select("section#abstract").text()).startsWith("Abstract " + firstWords);
        assertThat(doc.select("section#slides > section.slide-card")).hasSize(reading.slides().size());
        assertThat(reading.slides()).isNotEmpty();
        assertThat(html.toLowerCase()).doesNotContain("<script");
        assertThat(doc.body().attr("data-reading-id")).isEqualTo(id);
    }

    @Test
    void everyBundledReadingRendersWithoutMathErrorsInBothThemes() {
        ReadingRenderer renderer = new ReadingRenderer(bundled.root());
        assertThat(bundled.readings()).hasSize(10);
        int formulas = 0;
        for (Reading reading : bundled.readings()) {
            for (Theme theme : Theme.values()) {
                Document doc = Jsoup.parse(renderer.render(reading, theme));
                assertThat(doc.select("code.math-error").eachText())
                        .as("%s: invalid TeX %s", reading.source().file(), doc.select("code.math-error").eachAttr("title"))
                        .isEmpty();
                assertThat(doc.select("script")).isEmpty();
                assertThat(doc.body().hasClass(theme.cssClass())).isTrue();
                formulas += doc.select("img.math-inline, img.math-display").size();
            }
        }
        assertThat(formulas).as("the bundled readings do contain formulas").isPositive();
    }
}
