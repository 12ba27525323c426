package dev.lectern.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $...$ and $$...$$ become formula images drawn offline, and dollars that are not math stay dollars. */
class MathRenderingTest {

    private static final String PNG_DATA = "data:image/png;base64,";

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
    void inlineMathBecomesAnInlineFormulaImage() {
        Document doc = render("The energy $E = mc^2$ is famous.");
        Element img = doc.selectFirst("img.math-inline");
        assertThat(img).isNotNull();
        assertThat(img.attr("alt")).isEqualTo("E = mc^2");
        assertThat(img.attr("src")).startsWith(PNG_DATA);
        assertThat(Integer.parseInt(img.attr("width"))).isPositive();
        assertThat(Integer.parseInt(img.attr("height"))).isPositive();
        assertThat(doc.text()).isEqualTo("The energy is famous.").doesNotContain("$");
    }

    @Test
    void displayMathBecomesADisplayFormulaImage() {
        Document doc = render("The loss is\n\n$$\n\\mathcal{L} = -\\sum_{i=1}^{L} \\log p_\\theta(x_i)\n$$\n\nper sample.");
        Element img = doc.selectFirst("img.math-display");
        assertThat(img).isNotNull();
        assertThat(img.attr("alt")).isEqualTo("\\mathcal{L} = -\\sum_{i=1}^{L} \\log p_\\theta(x_i)");
        assertThat(img.attr("src")).startsWith(PNG_DATA);
        assertThat(doc.select("img.math-inline")).isEmpty();
        assertThat(doc.text()).contains("The loss is", "per sample.").doesNotContain("$");
    }

    @Test
    void formulasAreBlackInkOnTransparentDrawnAtTwiceTheirShownSizeWhileHeadless() throws IOException {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        Element img = render("Area $\\pi r^2$ here.").selectFirst("img.math-inline");
        byte[] png = Base64.getDecoder().decode(img.attr("src").substring(PNG_DATA.length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(2 * Integer.parseInt(img.attr("width")));
        assertThat(image.getHeight()).isEqualTo(2 * Integer.parseInt(img.attr("height")));
        assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        boolean blackInk = false;
        for (int y = 0; y < image.getHeight() && !blackInk; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 200) {
                    assertThat(argb & 0xffffff).as("ink colour").isEqualTo(0);
                    blackInk = true;
                    break;
                }
            }
        }
        assertThat(blackInk).as("some opaque ink").isTrue();
    }

    @Test
    void pricesWithDollarSignsAreNotMath() {
        Document doc = render("Tickets cost $5 and $6, or $20 for both.");
        assertThat(doc.select("img, code")).isEmpty();
        assertThat(doc.text()).isEqualTo("Tickets cost $5 and $6, or $20 for both.");
    }

    @Test
    void pricesBeforeRealMathDoNotSwallowIt() {
        Document doc = render("It costs $5 and $6 per $x$ units.");
        assertThat(doc.select("img.math-inline").eachAttr("alt")).containsExactly("x");
        assertThat(doc.text()).isEqualTo("It costs $5 and $6 per units.");
    }

    @Test
    void aDollarFollowedBySpaceDoesNotOpenMath() {
        Document doc = render("Between $ x$ and y.");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.text()).isEqualTo("Between $ x$ and y.");
    }

    @Test
    void dollarsInCodeStayDollars() {
        Document doc = render("Inline `$a$` code.\n\n```\necho $HOME $PATH$\n```\n\n    indented $b$ code\n\n"
                + "<code>raw $c$</code>\n");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("code").eachText())
                .containsExactly("$a$", "echo $HOME $PATH$", "indented $b$ code", "raw $c$");
    }

    @Test
    void escapedDollarIsALiteralDollar() {
        Document doc = render("Write \\$x\\$ to show dollars.");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.text()).isEqualTo("Write $x$ to show dollars.");
    }

    @Test
    void invalidTexShowsItsSourceInsteadOfFailing() {
        Document doc = render("Before $\\notacommandatall{x}$ after, and $y$ still works.");
        assertThat(doc.select("code.math-error").text()).isEqualTo("$\\notacommandatall{x}$");
        assertThat(doc.select("img.math-inline").eachAttr("alt")).containsExactly("y");
        assertThat(doc.text()).startsWith("Before").contains("after, and", "still works.");
    }

    @Test
    void includegraphicsInAFormulaIsRefused() {
        Document doc = render("Picture $\\includegraphics{/etc/hosts}$ here.");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("code.math-error").text()).isEqualTo("$\\includegraphics{/etc/hosts}$");
        assertThat(doc.select("code.math-error").attr("title")).contains("not allowed");
    }

    @Test
    void newcommandInAFormulaIsRefusedSoItCannotChangeLaterFormulas() {
        Document doc = render("Define $\\newcommand{\\pi}{3}\\pi$ then $\\pi$.");
        assertThat(doc.select("code.math-error").text()).isEqualTo("$\\newcommand{\\pi}{3}\\pi$");
        assertThat(doc.select("img.math-inline").eachAttr("alt")).containsExactly("\\pi");
    }

    @Test
    void enormousFormulasAreRefusedInsteadOfDrawn() {
        Document doc = render("Huge $\\rule{400em}{400em}$ here.");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("code.math-error").attr("title")).contains("too large");
    }

    @Test
    void mathInImageDescriptionsIsKeptAsItsSource() {
        Document doc = render("![plot of $f(x)$](images/ok.png)");
        assertThat(doc.select("img").eachAttr("alt")).containsExactly("plot of $f(x)$");
        assertThat(doc.select("img.math-inline")).isEmpty();
    }

    @Test
    void mathWorksInsideTablesListsAndFootnotes() {
        Document doc = render("| a | b |\n|---|---|\n| $x_1$ | $x_2$ |\n\n- item $y$\n\nNote.[^1]\n\n[^1]: See $z$.\n");
        assertThat(doc.select("td img.math-inline")).hasSize(2);
        assertThat(doc.select("li img.math-inline").eachAttr("alt")).contains("y", "z");
    }

    @Test
    void theOnlyDataUrlsInTheOutputAreOurFormulaImages() {
        Document doc = render("Math $a+b$ and [link](data:text/html,hi) and ![img](data:image/png;base64,AAAA)"
                + " and <img src=\"data:image/gif;base64,R0lGOD\" alt=\"raw\">.");
        assertThat(doc.select("[src^=data:], [href^=data:]")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.is("img.math-inline")).as(e.outerHtml()).isTrue());
        assertThat(doc.body().html().split("data:", -1)).hasSize(2);
    }

    @Test
    void theSameFormulaIsDrawnOnceAndGivesTheSameImage() {
        MathImages images = new MathImages(16);
        MarkdownRenderer renderer = new MarkdownRenderer(course.root, images);
        String first = renderer.toSafeHtml("Twice: $\\alpha^2$.", course.readings);
        String second = renderer.toSafeHtml("Twice: $\\alpha^2$.", course.readings);
        assertThat(second).isEqualTo(first);
        assertThat(images.renderCount()).isEqualTo(1);
    }

    @Test
    void theFormulaCacheIsBounded() {
        MathImages images = new MathImages(2);
        images.render("a", false);
        images.render("b", false);
        images.render("c", false);
        assertThat(images.cachedCount()).isEqualTo(2);
        images.render("a", false);
        assertThat(images.renderCount()).as("a was evicted and drawn again").isEqualTo(4);
    }
}
