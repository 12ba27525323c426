package dev.lectern.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown features course authors use come out as the expected HTML, and links follow the reading rules. */
class MarkdownRendererTest {

    @TempDir
    Path temp;

    private CourseFixture course;

    @BeforeEach
    void createCourse() {
        course = new CourseFixture(temp);
    }

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(course.renderMarkdown(markdown));
    }

    @Test
    void formulasCanBeKeptAsTheirSourceOrWrittenForMathJax() {
        MarkdownRenderer renderer = new MarkdownRenderer(course.root);
        String markdown = "Loss $x^2 \\le y$ and\n\n$$\\sum_i a_i$$\n\nand `$code$`.";

        Document source = Jsoup.parseBodyFragment(renderer.toSafeHtml(markdown, course.readings,
                MarkdownRenderer.MathOutput.SOURCE));
        Document mathJax = Jsoup.parseBodyFragment(renderer.toSafeHtml(markdown, course.readings,
                MarkdownRenderer.MathOutput.MATHJAX));

        assertThat(source.select("img")).isEmpty();
        assertThat(source.text()).contains("Loss $x^2 \\le y$ and", "$$\\sum_i a_i$$", "$code$");
        assertThat(mathJax.select("img")).isEmpty();
        assertThat(mathJax.text()).contains("Loss \\(x^2 \\le y\\) and", "\\[\\sum_i a_i\\]", "$code$");
    }

    @Test
    void tablesBecomeHtmlTablesWithTheirAlignment() {
        Document doc = render("| model | params |\n|:--|--:|\n| LLaVA | 13B |\n");
        assertThat(doc.select("table thead th").eachText()).containsExactly("model", "params");
        assertThat(doc.select("table tbody td").eachText()).containsExactly("LLaVA", "13B");
        assertThat(doc.select("table tbody td").get(1).attr("align")).isEqualTo("right");
    }

    @Test
    void strikethroughBecomesDel() {
        Document doc = render("This is ~~wrong~~ right.");
        assertThat(doc.select("del").text()).isEqualTo("wrong");
        assertThat(doc.text()).isEqualTo("This is wrong right.");
    }

    @Test
    void footnotesLinkToTheirNoteAndBack() {
        Document doc = render("A claim.[^src]\n\n[^src]: Where it comes from.\n");
        String ref = doc.select("a.footnote-ref").attr("href");
        assertThat(ref).startsWith("#");
        assertThat(doc.select(ref).text()).contains("Where it comes from.");
        String back = doc.select("a.footnote-backref").attr("href");
        assertThat(doc.select(back).select("a.footnote-ref").attr("href")).isEqualTo(ref);
    }

    @Test
    void fencedCodeKeepsItsLanguageAndItsTextVerbatim() {
        Document doc = render("```python\nprint(\"<b>not bold</b>\")  # *not emphasis*\n```\n");
        assertThat(doc.select("pre > code.language-python").text())
                .isEqualTo("print(\"<b>not bold</b>\")  # *not emphasis*");
        assertThat(doc.select("b, em")).isEmpty();
    }

    @Test
    void bareUrlsBecomeExternalLinks() {
        Document doc = render("See https://example.org/page and www.example.com for more.");
        assertThat(doc.select("a.ext-link").eachAttr("href"))
                .containsExactly("https://example.org/page", "http://www.example.com");
        assertThat(doc.text()).isEqualTo("See https://example.org/page and www.example.com for more.");
    }

    @Test
    void webMailAndFragmentLinksAreKeptAndOthersLoseTheirTarget() {
        Document doc = render("[web](https://example.org) [mail](mailto:ta@example.org) [here](#notes)"
                + " [file](notes.md) [ftp](ftp://example.org/x) [local](file:///etc/passwd)");
        assertThat(doc.select("a[href]").eachAttr("href"))
                .containsExactly("https://example.org", "mailto:ta@example.org", "#notes");
        assertThat(doc.select("a.ext-link").eachText()).containsExactly("web");
        assertThat(doc.select("a:not([href])").eachText()).containsExactly("file", "ftp", "local");
    }

    @Test
    void authorIdsAndClassesCannotImpersonateThePage() {
        Document doc = render("<h1 id=\"title\" class=\"slide-card math-inline remote-image\">Fake title</h1>\n");
        assertThat(doc.getElementById("title")).isNull();
        assertThat(doc.select(".slide-card, .math-inline, .remote-image")).isEmpty();
        assertThat(doc.select("h1").text()).isEqualTo("Fake title");
    }

    @Test
    void emphasisListsAndQuotesRender() {
        Document doc = render("Some *emphasis* and **strength**.\n\n- one\n- two\n\n> quoted\n");
        assertThat(doc.select("em").text()).isEqualTo("emphasis");
        assertThat(doc.select("strong").text()).isEqualTo("strength");
        assertThat(doc.select("ul > li").eachText()).containsExactly("one", "two");
        assertThat(doc.select("blockquote").text()).isEqualTo("quoted");
    }
}
