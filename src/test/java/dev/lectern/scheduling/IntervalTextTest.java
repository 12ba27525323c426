package dev.lectern.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Interval labels for the rating buttons, Anki style. */
class IntervalTextTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
        "PT0S, <1m",
        "PT-5M, <1m",
        "PT59S, <1m",
        "PT1M, 1m",
        "PT5M30S, 6m",
        "PT10M, 10m",
        "PT15M, 15m",
        "PT59M40S, 1h",
        "PT1H, 1h",
        "PT15H, 15h",
        "PT23H50M, 1d",
        "P1D, 1d",
        "P3D, 3d",
        "P29D, 29d",
        "PT714H, 1mo",
        "P30D, 1mo",
        "P64D, 2.1mo",
        "P90D, 3mo",
        "P364D, 12.1mo",
        "P365D, 1y",
        "P474D, 1.3y",
        "P3650D, 10y",
        "P36500D, 100y",
    })
    void anIntervalReadsAsAShortLabel(String interval, String label) {
        assertThat(IntervalText.of(Duration.parse(interval))).isEqualTo(label);
    }
}
