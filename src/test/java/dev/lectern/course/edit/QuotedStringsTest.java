package dev.lectern.course.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.load.Node;
import dev.lectern.course.load.NodeParser;
import dev.lectern.course.load.Problems;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QuotedStringsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain words          | \"plain words\"",
        "say \"hi\"           | \"say \\\"hi\\\"\"",
        "back\\slash          | \"back\\\\slash\"",
        "`a\u0085b`           | \"a\\u0085b\"",
        "`a\u2028b`           | \"a\\u2028b\"",
        "`a\u2029b`           | \"a\\u2029b\"",
        "`\ufeffa`            | \"\\ufeffa\"",
        "`a\u007fb`           | \"a\\u007fb\"",
        "`a\u0001b`           | \"a\\u0001b\"",
    })
    void yamlEscapesWhatAYamlReaderWouldNotTakeLiterally(String text, String quoted) {
        assertThat(QuotedStrings.yaml(text)).isEqualTo(quoted);
    }

    static Stream<String> awkwardTexts() {
        return Stream.of("", "plain", "a: b # c", "line\nbreak\r\n", "tab\there", "quote \" and \\ backslash",
                "next\u0085line", "line\u2028separator", "paragraph\u2029separator", "\ufeffmark", "del\u007f",
                "bell\u0007 back\b feed\f", "yes", "1e3", "- dash", "émigré · ✓");
    }

    @ParameterizedTest
    @MethodSource("awkwardTexts")
    void yamlReadsBackAsTheSameText(String text) {
        Problems problems = new Problems();
        Node node = new NodeParser(Path.of("t.yaml"), NodeParser.Syntax.YAML, 0, problems)
                .parse("title: " + QuotedStrings.yaml(text) + "\n");

        assertThat(problems.list()).isEmpty();
        assertThat(((Node.ScalarNode) ((Node.ObjectNode) node).fields().get("title").value()).value())
                .isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("awkwardTexts")
    void theYamlQuotingIsAlsoJsonThatReadsBackAsTheSameText(String text) {
        Problems problems = new Problems();
        Node node = new NodeParser(Path.of("t.json"), NodeParser.Syntax.JSON, 0, problems)
                .parse("{\"title\": " + QuotedStrings.yaml(text) + "}");

        assertThat(problems.list()).isEmpty();
        assertThat(((Node.ScalarNode) ((Node.ObjectNode) node).fields().get("title").value()).value())
                .isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`a\u2028b`  | `\"a\u2028b\"`",
        "`a\bb`      | \"a\\bb\"",
        "`a\u0001b`  | \"a\\u0001b\"",
    })
    void jsonKeepsWhatJsonAllowsAsItIs(String text, String quoted) {
        StringBuilder out = new StringBuilder();
        QuotedStrings.appendJson(out, text);
        assertThat(out).hasToString(quoted);
    }
}
