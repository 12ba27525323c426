package dev.lectern.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lectern.files.StrangeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile Markdown, one fixture per trick: each test checks that the dangerous part is gone and that the harmless
 * text around it is still there (so a sanitiser that drops everything would fail too).
 */
class HostileMarkdownTest {

    @TempDir
    Path temp;

    private CourseFixture course;

    @BeforeEach
    void createCourse() {
        course = new CourseFixture(temp);
    }

    private Document render(String fixture) {
        return Jsoup.parseBodyFragment(course.renderFixture(fixture));
    }

    @Test
    void scriptTagsAreRemoved() {
        String html = course.renderFixture("script-tag.md");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("pwned").doesNotContain("alert(")
                .doesNotContain("evil.example");
        assertThat(Jsoup.parseBodyFragment(html).text()).contains("Before the script.", "Inline", "stays calm.",
                "After the script.");
    }

    @Test
    void iframesAreRemoved() {
        Document doc = render("iframe.md");
        assertThat(doc.select("iframe")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("evil.example").doesNotContain("srcdoc").doesNotContain("alert");
        assertThat(doc.text()).contains("Before the frame.", "After the frame.");
    }

    @Test
    void objectAndEmbedAreRemoved() {
        Document doc = render("object-embed.md");
        assertThat(doc.select("object, embed, param")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("evil.example").doesNotContain("swf");
        assertThat(doc.text()).contains("Before the plugins.", "After the plugins.");
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        Document doc = render("event-handlers.md");
        for (Element e : doc.body().getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey().toLowerCase()).as(e.outerHtml()).doesNotStartWith("on");
            }
        }
        assertThat(doc.body().html()).doesNotContain("alert").doesNotContain("steal").doesNotContain("track()");
        assertThat(doc.select("a[href=https://example.org/]").text()).isEqualTo("a real link");
        assertThat(doc.select("img").attr("src")).endsWith("/readings/images/ok.png");
        assertThat(doc.text()).contains("Before the handlers.", "hover text", "mixed case handler text",
                "After the handlers.");
    }

    @Test
    void javascriptLinksLoseTheirTargetButKeepTheirText() {
        Document doc = render("javascript-link.md");
        assertThat(doc.select("a[href]")).isEmpty();
        assertThat(doc.body().html().toLowerCase()).doesNotContain("javascript").doesNotContain("alert");
        assertThat(doc.text()).contains("Before the links.", "click me", "raw link", "After the links.");
    }

    @Test
    void dataLinksLoseTheirTargetButKeepTheirText() {
        Document doc = render("data-link.md");
        assertThat(doc.select("a[href]")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("data:").doesNotContain("base64");
        assertThat(doc.select("a").eachText()).containsExactly("open me", "raw data link");
        assertThat(doc.text()).contains("Before the data links.", "After the data links.");
    }

    @Test
    void dataImagesAreRefused() {
        Document doc = render("data-image.md");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("data:").doesNotContain("base64");
        assertThat(doc.select("span.refused-image")).hasSize(2);
        assertThat(doc.text()).contains("Before the data images.", "After the data images.");
    }

    @Test
    void cssUrlInAStyleAttributeIsRemoved() {
        Document doc = render("style-attribute.md");
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("url(").doesNotContain("evil.example");
        assertThat(doc.text()).contains("Before the styles.", "styled words", "more styled words", "After the styles.");
    }

    @Test
    void cssUrlInAStyleBlockIsRemoved() {
        Document doc = render("style-block.md");
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("url(").doesNotContain("evil.example").doesNotContain("@import");
        assertThat(doc.text()).contains("Before the style block.", "After the style block.");
    }

    @Test
    void remoteImagesBecomeLinksAndAreNeverLoaded() {
        Document doc = render("remote-image.md");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("span.remote-image")).hasSize(3)
                .allSatisfy(span -> assertThat(span.text()).startsWith("Remote image not loaded:"));
        assertThat(doc.select("span.remote-image > a.ext-link").eachAttr("href")).containsExactly(
                "https://example.org/chart.png", "https://cdn.example.org/scheme-relative.png",
                "http://example.org/raw.png");
        assertThat(doc.select("span.remote-image > a.ext-link").eachText()).containsExactly(
                "a chart", "https://cdn.example.org/scheme-relative.png", "raw remote");
        assertThat(doc.text()).contains("Before the remote images.", "After the remote images.");
    }

    @Test
    void relativePathsEscapingTheCourseFolderAreRefused() throws IOException {
        Files.write(temp.resolve("outside.png"), new byte[] {1, 2, 3});
        Document doc = render("parent-escape.md");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("span.refused-image")).hasSize(3)
                .allSatisfy(span -> assertThat(span.text()).contains("outside the course folder"));
        assertThat(doc.text()).contains("Before the escapes.", "After the escapes.");
    }

    @Test
    void absolutePathsAreRefused() {
        Document doc = render("absolute-path.md");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("[src], [href]")).isEmpty();
        assertThat(doc.select("span.refused-image")).hasSize(3);
        assertThat(doc.text()).contains("Before the absolute paths.", "After the absolute paths.");
    }

    @Test
    void symlinksInsideTheCourseThatPointOutsideAreRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.write(outside.resolve("secret.png"), new byte[] {1, 2, 3});
        try {
            Files.createSymbolicLink(course.images.resolve("escape.png"), outside.resolve("secret.png"));
            Files.createSymbolicLink(course.images.resolve("linked-dir"), outside);
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }
        Document doc = render("symlink-escape.md");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("span.refused-image")).hasSize(2)
                .allSatisfy(span -> assertThat(span.text()).contains("link to a file outside the course folder"));
        assertThat(doc.text()).contains("Before the links.", "After the links.");
    }

    @Test
    void imagesThatAreANamedPipeOrAFolderAreRefusedWithoutBeingOpened() throws Exception {
        StrangeFiles.fifo(course.images.resolve("pipe.png"));
        Files.createDirectories(course.images.resolve("folder.png"));
        StrangeFiles.link(course.images.resolve("alias.png"), Path.of("ok.png"));

        String html = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> course.renderMarkdown(
                "Before. ![a pipe](images/pipe.png) ![a folder](images/folder.png) ![linked](images/alias.png) After."));

        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("span.refused-image").eachText()).containsExactly(
                "Image refused: \u201cimages/pipe.png\u201d is a named pipe (FIFO), not a file.",
                "Image refused: \u201cimages/folder.png\u201d is a folder, not a file.");
        assertThat(doc.select("img").eachAttr("src")).singleElement().asString().endsWith("/images/alias.png");
        assertThat(doc.text()).contains("Before.", "After.");
    }

    @Test
    void commentsAndCdataCannotSmuggleInScript() {
        String html = course.renderFixture("comments-cdata.md");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<!--").doesNotContain("onerror");
        assertThat(doc.select("script, img")).isEmpty();
        assertThat(doc.text()).contains("Before the comments.", "Inline", "comment.", "After the comments.");
    }

    @Test
    void mixedCaseAndWhitespaceDisguisedScriptSchemesAreRemoved() {
        Document doc = render("mixed-case-javascript.md");
        assertThat(doc.select("a[href]")).isEmpty();
        assertThat(doc.body().html().toLowerCase()).doesNotContain("script:").doesNotContain("alert")
                .doesNotContain("msgbox");
        assertThat(doc.select("a").eachText()).containsExactly("first", "second", "third", "fourth");
        assertThat(doc.text()).contains("Before the disguised links.", "After the disguised links.");
    }

    @Test
    void entityEncodedJavascriptSchemesAreRemoved() {
        Document doc = render("entity-encoded-javascript.md");
        assertThat(doc.select("a[href]")).isEmpty();
        assertThat(doc.body().html().toLowerCase()).doesNotContain("javascript").doesNotContain("alert")
                .doesNotContain("&#58;").doesNotContain("&colon;");
        assertThat(doc.select("a").eachText()).containsExactly("decimal colon", "encoded j", "named colon", "hex",
                "markdown entity");
        assertThat(doc.text()).contains("Before the encoded links.", "After the encoded links.");
    }

    @Test
    void srcsetAttributesAreRemoved() {
        Document doc = render("srcset.md");
        assertThat(doc.select("[srcset], source, picture")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("evil.example").doesNotContain("srcset=");
        assertThat(doc.select("img").eachAttr("alt")).containsExactly("wide picture", "in a picture");
        assertThat(doc.text()).contains("Before the srcsets.", "After the srcsets.");
    }

    @Test
    void svgAndMathMarkupAreRemovedWithTheirContents() {
        Document doc = render("svg.md");
        assertThat(doc.select("svg, math, script, img")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("alert").doesNotContain("svg words").doesNotContain("math words");
        assertThat(doc.text()).contains("Before the drawings.", "After the drawings.");
    }

    @Test
    void formsMetaBaseAndStylesheetLinksAreRemoved() {
        Document doc = render("form-meta-base-link.md");
        assertThat(doc.select("form, input, button, meta, base, link")).isEmpty();
        assertThat(doc.body().html()).doesNotContain("evil.example").doesNotContain("refresh");
        assertThat(doc.text()).contains("Before the head tags.", "After the head tags.");
    }

    @Test
    void imagesInsideTheCourseFolderBecomeAbsoluteFileUris() throws IOException {
        Files.createDirectories(course.images.resolve("sub dir"));
        Files.copy(course.images.resolve("ok.png"), course.images.resolve("sub dir/pic.png"));
        Document doc = Jsoup.parseBodyFragment(course.renderMarkdown(
                "Look: ![a picture](images/ok.png) and ![spaced](images/sub%20dir/pic.png) done."));
        assertThat(doc.select("img").eachAttr("src")).containsExactly(
                course.images.resolve("ok.png").toUri().toString(),
                course.images.resolve("sub dir/pic.png").toUri().toString());
        assertThat(doc.select("img").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("file:"));
        assertThat(doc.select("span.refused-image, span.remote-image")).isEmpty();
        assertThat(doc.text()).contains("Look:", "done.");
    }
}
