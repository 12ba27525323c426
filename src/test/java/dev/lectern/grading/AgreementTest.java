package dev.lectern.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Agreement figures against values worked out by hand (and matching scikit-learn and SciPy). */
class AgreementTest {

    private static boolean[] labels(String tf) {
        boolean[] b = new boolean[tf.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = tf.charAt(i) == 'T';
        }
        return b;
    }

    static Stream<Arguments> pearsonCases() {
        return Stream.of(
                Arguments.of(new double[] {1, 2, 3}, new double[] {2, 4, 6}, 1.0),
                Arguments.of(new double[] {1, 2, 3}, new double[] {3, 2, 1}, -1.0),
                // deviations (-1.5, -.5, .5, 1.5) and (-1.5, .5, -.5, 1.5): 4 / sqrt(5 * 5)
                Arguments.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}, 0.8),
                // deviations (-1, 0, 1) and (-2, 1, 1): (2 + 0 + 1) / sqrt(2 * 6)
                Arguments.of(new double[] {0, 1, 2}, new double[] {0, 3, 3}, 3 / Math.sqrt(12)),
                Arguments.of(new double[] {1, 2, 3}, new double[] {5, 5, 5}, Double.NaN),
                Arguments.of(new double[] {1}, new double[] {2}, Double.NaN),
                Arguments.of(new double[] {}, new double[] {}, Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("pearsonCases")
    void pearsonMatchesHandComputedValues(double[] x, double[] y, double expected) {
        assertThat(Agreement.pearson(x, y)).isCloseTo(expected, within(1e-12));
    }

    static Stream<Arguments> labelCases() {
        // gold, predicted, accuracy, weighted F1
        return Stream.of(
                Arguments.of("TTFF", "TTFF", 1.0, 1.0),
                Arguments.of("TTFF", "FFTT", 0.0, 0.0),
                // positive: TP 2, predicted 3, support 3 -> F1 4/6; negative: TP 0 -> 0; (3 * 2/3 + 1 * 0) / 4
                Arguments.of("TTTF", "TFTT", 0.5, 0.5),
                // positive: TP 1, predicted 2, support 2 -> 1/2; negative: TP 2, predicted 3, support 3 -> 2/3
                Arguments.of("TFFFT", "TFTFF", 0.6, (2 * 0.5 + 3 * (2.0 / 3)) / 5),
                // everything predicted positive: positive F1 2 * 1 / (2 + 1); the negative class never predicted
                Arguments.of("TF", "TT", 0.5, (2.0 / 3) / 2),
                Arguments.of("TTTT", "TTFT", 0.75, (4 * (6.0 / 7) + 0) / 4),
                Arguments.of("", "", Double.NaN, Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("labelCases")
    void accuracyAndWeightedF1MatchHandComputedValues(String gold, String predicted, double accuracy, double f1) {
        assertThat(Agreement.accuracy(labels(gold), labels(predicted))).isCloseTo(accuracy, within(1e-12));
        assertThat(Agreement.weightedF1(labels(gold), labels(predicted))).isCloseTo(f1, within(1e-12));
    }

    static Stream<Arguments> aucCases() {
        return Stream.of(
                Arguments.of("TFTF", new double[] {.9, .1, .8, .3}, 1.0),
                Arguments.of("TFTF", new double[] {.1, .9, .3, .8}, 0.0),
                Arguments.of("TF", new double[] {.5, .5}, 0.5),
                // 0.8 beats all three negatives; 0.4 ties one (1/2), beats 0.2 and loses to 0.6: 4.5 of 6 pairs
                Arguments.of("TTFFF", new double[] {.8, .4, .4, .2, .6}, 0.75),
                // ranks 1 2.5 2.5 4: positives at 2.5 and 4 -> U = 6.5 - 3 = 3.5 of 4
                Arguments.of("FTFT", new double[] {1, 2, 2, 3}, 0.875),
                Arguments.of("TTT", new double[] {.1, .2, .3}, Double.NaN),
                Arguments.of("FF", new double[] {.1, .2}, Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("aucCases")
    void rocAucCountsTiesAsHalfAPair(String gold, double[] scores, double expected) {
        assertThat(Agreement.rocAuc(labels(gold), scores)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void seriesOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> Agreement.pearson(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Agreement.rocAuc(labels("TF"), new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
