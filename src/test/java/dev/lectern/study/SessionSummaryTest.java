package dev.lectern.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionSummaryTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final KeyPoint ENCODER = new KeyPoint("a heavy image encoder", List.of());
    static final KeyPoint DECODER = new KeyPoint("a light mask decoder", List.of());
    static final KeyPoint PROMPT = new KeyPoint("a prompt encoder", List.of());

    private static Grade grade(KeyPoint... missed) {
        List<KeyPoint> miss = List.of(missed);
        List<KeyPointResult> results = List.of(ENCODER, DECODER, PROMPT).stream()
                .map(k -> new KeyPointResult(k, !miss.contains(k), 0.5, List.of(), false, "")).toList();
        return new Grade(50, Verdict.PARTIAL, results, "", List.of());
    }

    @Test
    void theKeyPointsMissedMostOftenComeFirstAndOnesAlwaysCoveredAreLeftOut() {
        List<Grade> grades = List.of(grade(DECODER), grade(DECODER, ENCODER), grade());

        assertThat(SessionSummary.weakest(grades)).containsExactly(new SessionSummary.Weak(DECODER.text(), 2, 3),
                new SessionSummary.Weak(ENCODER.text(), 1, 3));
        assertThat(SessionSummary.weakestLine(grades)).isEqualTo(" Weakest key points: \u201Ca light mask decoder\u201D"
                + " (missed 2 of 3), \u201Ca heavy image encoder\u201D (missed 1 of 3).");
        assertThat(SessionSummary.weakestLine(List.of(grade()))).isEmpty();
    }

    @Test
    void theSoonestDueQuestionOfTheSessionSaysWhenItComesBack() {
        CardKey soon = new CardKey("sam", "soon");
        CardKey later = new CardKey("sam", "later");
        Map<CardKey, CardState> states = Map.of(
                soon, new CardState(CardPhase.LEARNING, 1, 1, 5, Optional.of(NOW.plus(Duration.ofMinutes(10))),
                        Optional.of(NOW), 1, 0),
                later, new CardState(CardPhase.REVIEW, 0, 3, 5, Optional.of(NOW.plus(Duration.ofDays(3))),
                        Optional.of(NOW), 2, 0));

        assertThat(SessionSummary.comingBack(List.of(later, soon), states, NOW, d -> d.toMinutes() + " minutes"))
                .isEqualTo(" The first of them comes back in 10 minutes.");
        assertThat(SessionSummary.comingBack(List.of(new CardKey("sam", "never")), states, NOW, d -> "?")).isEmpty();
    }
}
