package dev.lectern.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How a table's columns share the text width. */
class TableLayoutTest {

    @Test
    void aTableThatFitsKeepsTheNaturalWidthsOfItsColumns() {
        assertThat(TableLayout.split(new float[] {50, 120}, new float[] {30, 40}, 400))
                .containsExactly(50f, 120f);
    }

    @Test
    void aTableTooWideGivesEachColumnItsLongestWordAndSharesTheRestByHowMuchMoreItHolds() {
        float[] widths = TableLayout.split(new float[] {100, 700}, new float[] {40, 60}, 400);

        assertThat(widths[0] + widths[1]).isCloseTo(400f, within(0.01f));
        assertThat(widths[0]).isCloseTo(40 + 300 * 60f / 700, within(0.01f));
        assertThat(widths[1]).isGreaterThan(widths[0]);
    }

    @Test
    void whenEvenTheLongestWordsDoNotFitTheWidthIsSharedInTheirProportion() {
        assertThat(TableLayout.split(new float[] {300, 900}, new float[] {300, 900}, 400))
                .containsExactly(100f, 300f);
    }
}
