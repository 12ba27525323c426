package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlainTextTest {

    static Stream<Arguments> markdown() {
        return Stream.of(
                arguments("**bold** and *italic* and `code`", "bold and italic and code"),
                arguments("## Heading\n\nText", "Heading Text"),
                arguments("the loss $\\mathcal{L}_{rec} = x^2$", "the loss L _ rec = x 2"),
                arguments("see [the paper](https://x.org/p)", "see the paper"),
                arguments("![a diagram](images/d.png) here", "a diagram here"),
                arguments("> quoted\n- item one\n+ item two", "quoted item one item two"),
                arguments("| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"),
                arguments("50\\% of <b>bold</b> ~~gone~~", "50% of bold gone"),
                arguments("a  -  b, and GPT-4's answer.", "a - b, and GPT-4's answer."));
    }

    @ParameterizedTest
    @MethodSource("markdown")
    void markupIsDroppedAndTheWordsKeptOnOneLine(String markdown, String plain) {
        assertThat(PlainText.of(markdown)).isEqualTo(plain);
    }

    @Test
    void nothingGivesTheEmptyText() {
        assertThat(PlainText.of(null)).isEmpty();
        assertThat(PlainText.of(" \n\t ")).isEmpty();
    }

    @Test
    void abbreviatingCutsAtAWordAndAddsAnEllipsis() {
        assertThat(PlainText.abbreviate("short enough", 20)).isEqualTo("short enough");
        assertThat(PlainText.abbreviate("one two three four five", 12)).isEqualTo("one two…");
        assertThat(PlainText.abbreviate("x".repeat(30), 10)).isEqualTo("x".repeat(10) + "…");
    }
}
