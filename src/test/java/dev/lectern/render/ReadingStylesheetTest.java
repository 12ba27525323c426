package dev.lectern.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** reading.css, as packaged on the class path, keeps all colours in the two theme blocks and styles what we emit. */
class ReadingStylesheetTest {

    private static String css;

    @BeforeAll
    static void readStylesheet() throws IOException {
        try (InputStream in = ReadingStylesheetTest.class.getResourceAsStream(ReadingRenderer.STYLESHEET)) {
            assertThat(in).as(ReadingRenderer.STYLESHEET + " on the class path").isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    private static String block(String selector) {
        Matcher m = Pattern.compile(Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertThat(m.find()).as(selector + " block").isTrue();
        return m.group(1);
    }

    private static Set<String> customProperties(String block) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(--[a-z0-9-]+)\\s*:").matcher(block);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void bothThemesDefineTheSameColourVariables() {
        Set<String> light = customProperties(block("body.theme-light"));
        Set<String> dark = customProperties(block("body.theme-dark"));
        assertThat(light).contains("--fg", "--bg", "--muted", "--accent", "--card-bg", "--border", "--code-bg");
        assertThat(dark).isEqualTo(light);
    }

    @Test
    void noRawColoursOutsideTheThemeBlocks() {
        String rest = css.replace(block("body.theme-light"), "").replace(block("body.theme-dark"), "");
        assertThat(rest).doesNotContainPattern("#[0-9a-fA-F]{3,8}\\b")
                .doesNotContainPattern("(?i)\\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\(")
                .doesNotContainPattern("(?i):[^;{}]*\\b(white|black|red|green|blue|gray|grey|yellow|orange|purple"
                        + "|silver|navy|maroon|teal)\\b");
    }

    @Test
    void everyVariableUsedIsDefined() {
        Set<String> defined = customProperties(block("body.theme-light"));
        Matcher used = Pattern.compile("var\\((--[a-z0-9-]+)\\)").matcher(css);
        while (used.find()) {
            assertThat(defined).contains(used.group(1));
        }
    }

    @Test
    void searchHitMarksHaveAColourOfTheirOwnInEachTheme() {
        assertThat(block("mark.search-hit")).contains("background: var(--search-hit-bg)")
                .contains("color: var(--search-hit-fg)");
        assertThat(block("body.theme-light")).contains("--search-hit-bg").contains("--search-hit-fg");
        assertThat(block("body.theme-dark")).contains("--search-hit-bg").contains("--search-hit-fg");
    }

    @Test
    void darkThemeInvertsFormulaImagesBecauseTheyAreDrawnBlack() {
        assertThat(css).containsPattern("body\\.theme-dark img\\.math-inline,\\s*body\\.theme-dark img\\.math-display"
                + "\\s*\\{\\s*filter:\\s*invert\\(1\\);?\\s*}");
        assertThat(block("img.math-display")).contains("margin: 0.8em auto").contains("display: block");
    }

    @Test
    void theReadingColumnIsNarrowAndAiry() {
        assertThat(block(".reading")).contains("max-width: 46em");
        assertThat(css).containsPattern("body\\s*\\{[^}]*line-height: 1\\.6;[^}]*}")
                .containsPattern("font-family:[^;]*sans-serif;");
    }

    @Test
    void everyClassTheRendererEmitsIsStyled() {
        for (String selector : new String[] {".slide-card", ".slide-page", ".tags .tag", ".remote-image",
            ".refused-image", ".footnotes", "code.math-error", ".links .ext-link", "pre", "table"}) {
            assertThat(css).as(selector).containsPattern(Pattern.quote(selector) + "[^{]*\\{");
        }
    }
}
