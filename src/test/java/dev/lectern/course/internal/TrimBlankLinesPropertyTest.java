package dev.lectern.course.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Trimming blank lines gives the same text whichever way the text breaks its lines. */
class TrimBlankLinesPropertyTest {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /** Blank lines off both ends, lines joined with \n, trailing spaces off: the rule, written plainly. */
    private static String byTheRule(String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        int last = lines.length - 1;
        while (last >= first && lines[last].isBlank()) {
            last--;
        }
        return first > last ? "" : String.join("\n", Arrays.asList(lines).subList(first, last + 1)).stripTrailing();
    }

    @Property(tries = 2000)
    void textWithNewlinesOnlyIsTrimmedAsTheRuleSays(@ForAll @StringLength(max = 30) @Chars({' ', '\n', '\t', 'a', 'b'})
            String text) {
        assertThat(CourseSyntax.trimBlankLines(text)).isEqualTo(byTheRule(text));
    }

    @Property(tries = 2000)
    void textWithOtherLineBreaksIsTrimmedAsTheRuleSays(@ForAll @StringLength(max = 30)
            @Chars({' ', '\n', '\r', '\u2028', 'a'}) String text) {
        assertThat(CourseSyntax.trimBlankLines(text)).isEqualTo(byTheRule(text));
    }
}
