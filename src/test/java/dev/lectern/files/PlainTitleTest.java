package dev.lectern.files;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Titles made plain for deck names, file names and PDF metadata. */
class PlainTitleTest {

    @Test
    void aScriptElementGoesWithTheCodeItHolds() {
        assertThat(PlainTitle.of("Week 7 <script>alert('x')</script>quiz")).isEqualTo("Week 7 quiz");
        assertThat(PlainTitle.of("A <SCRIPT type=x>steal()</SCRIPT > B")).isEqualTo("A B");
    }

    @Test
    void anImageWithAnOnerrorHandlerIsDropped() {
        assertThat(PlainTitle.of("Vision<img src=x onerror=alert(1)> models")).isEqualTo("Vision models");
    }

    @Test
    void anUnclosedTagWithAttributesAtTheEndIsDroppedAsABrowserWould() {
        assertThat(PlainTitle.of("Vision <img src=x onerror=alert(1)")).isEqualTo("Vision");
    }

    @Test
    void aTagThatOnlyAppearsOnceAnInnerTagIsGoneIsDroppedToo() {
        assertThat(PlainTitle.of("a <scr<b>ipt>b")).isEqualTo("a b");
        assertThat(PlainTitle.of("a <<b>img onerror=x>b")).isEqualTo("a b");
    }

    @Test
    void commentsAndFormattingTagsGoButTheirWordsStay() {
        assertThat(PlainTitle.of("<!-- hidden --><b>Bold</b> and <i>italic</i>")).isEqualTo("Bold and italic");
    }

    @Test
    void aLessThanSignThatStartsNoTagStaysReadable() {
        assertThat(PlainTitle.of("a < b")).isEqualTo("a < b");
        assertThat(PlainTitle.of("a<b")).isEqualTo("a<b");
        assertThat(PlainTitle.of("x <= y, 3 < 4 > 2")).isEqualTo("x <= y, 3 < 4 > 2");
    }

    @Test
    void markdownEmphasisStaysAsItsCharacters() {
        assertThat(PlainTitle.of("**Bold** and _it_")).isEqualTo("**Bold** and _it_");
    }

    @Test
    void controlCharactersLineBreaksAndTabsBecomeOneSpace() {
        assertThat(PlainTitle.of("one\ntwo\r\nthree\tfour\u0007five\u0085six\u2028seven\u2029eight\u009bnine\u007fend"))
                .isEqualTo("one two three four five six seven eight nine end");
        assertThat(PlainTitle.of("  \n padded \t ")).isEqualTo("padded");
    }

    @Test
    void charactersThatTurnTextBackwardsAreDropped() {
        assertThat(PlainTitle.of("report\u202Efdp.exe")).isEqualTo("reportfdp.exe");
    }

    @Test
    void aTitleWithNothingPlainLeftGivesTheFallback() {
        assertThat(PlainTitle.of("<script>x</script>", "llava-set")).isEqualTo("llava-set");
        assertThat(PlainTitle.of(null)).isEmpty();
    }

    @Property(tries = 2000)
    void noTitleKeepsATagOrAControlCharacterAndAPlainTitleStaysAsItIs(
            @ForAll @StringLength(max = 60) @Chars({'<', '>', '/', '!', '-', '=', ' ', '\n', '\t', '\u0085', '\u2028'})
            @CharRange(from = 'a', to = 'e') @Chars({'s', 'c', 'r', 'i', 'p', 't', 'o', 'n'}) String title) {
        String plain = PlainTitle.of(title);

        assertThat(plain).doesNotContainPattern("<[/!?]?[A-Za-z][^<>]*>")
                .doesNotContainPattern("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");
        assertThat(PlainTitle.of(plain)).isEqualTo(plain);
    }
}
