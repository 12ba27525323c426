package dev.lectern.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Today's queue: due cards, most overdue first, then new cards up to the allowance. */
class DueQueueTest {

    static final Instant NOW = Instant.parse("2024-03-20T10:00:00Z");

    static CardKey card(String id) {
        return new CardKey("set", id);
    }

    static CardState dueAt(String instant) {
        Instant due = Instant.parse(instant);
        return new CardState(CardPhase.REVIEW, 0, 5, 5, Optional.of(due), Optional.of(due.minus(Duration.ofDays(5))),
                2, 0);
    }

    static final List<CardKey> COURSE = List.of(card("a"), card("b"), card("c"), card("d"), card("e"), card("f"),
            card("g"));
    static final Map<CardKey, CardState> STATES = Map.of(
            card("a"), dueAt("2024-03-19T10:00:00Z"),
            card("b"), CardState.NEW,
            card("c"), dueAt("2024-03-10T10:00:00Z"),
            card("d"), dueAt("2024-03-21T10:00:00Z"),
            card("f"), new CardState(CardPhase.LEARNING, 1, 2, 5, Optional.of(NOW.minusSeconds(300)),
                    Optional.of(NOW.minusSeconds(900)), 1, 0),
            card("removed"), dueAt("2024-03-01T10:00:00Z"));

    @Test
    void dueCardsComeMostOverdueFirstThenNewCardsInCourseOrderUpToTheAllowance() {
        assertThat(DueQueue.build(COURSE, STATES, NOW, 2))
                .containsExactly(card("c"), card("a"), card("f"), card("b"), card("e"));
    }

    @Test
    void noAllowanceMeansNoNewCards() {
        assertThat(DueQueue.build(COURSE, STATES, NOW, 0)).containsExactly(card("c"), card("a"), card("f"));
        assertThat(DueQueue.build(COURSE, STATES, NOW, -3)).containsExactly(card("c"), card("a"), card("f"));
    }

    @Test
    void aLargeAllowanceTakesEveryNewCardIncludingThoseMissingFromTheStates() {
        assertThat(DueQueue.build(COURSE, STATES, NOW, 100))
                .containsExactly(card("c"), card("a"), card("f"), card("b"), card("e"), card("g"));
    }

    @Test
    void cardsRemovedFromTheCourseAndCardsNotYetDueAreLeftOut() {
        assertThat(DueQueue.build(COURSE, STATES, NOW, 100)).doesNotContain(card("removed"), card("d"));
    }

    @Test
    void cardsDueAtTheSameTimeKeepCourseOrder() {
        CardState due = dueAt("2024-03-19T10:00:00Z");
        Map<CardKey, CardState> states = Map.of(card("x"), due, card("y"), due, card("z"), due);
        assertThat(DueQueue.build(List.of(card("z"), card("x"), card("y")), states, NOW, 0))
                .containsExactly(card("z"), card("x"), card("y"));
    }

    static ReviewRecord review(CardKey card, String at) {
        return new ReviewRecord(card, Instant.parse(at), FlashcardRating.GOOD, OptionalInt.empty(), Optional.empty(),
                "", Duration.ZERO, ReviewMode.REVIEW);
    }

    @Test
    void newIntroducedOnCountsCardsWhoseFirstReviewFellThatDayInTheZone() {
        List<ReviewRecord> log = List.of(
                review(card("a"), "2024-03-20T08:00:00Z"), // a's second review, its first was the day before
                review(card("a"), "2024-03-19T08:00:00Z"),
                review(card("c"), "2024-03-20T09:00:00Z"),
                review(card("c"), "2024-03-20T09:10:00Z"),
                review(card("d"), "2024-03-20T23:30:00Z")); // 21 March, 00:30 in Berlin
        LocalDate day = LocalDate.of(2024, 3, 20);
        assertThat(DueQueue.newIntroducedOn(log, day, ZoneId.of("UTC"))).isEqualTo(2);
        assertThat(DueQueue.newIntroducedOn(log, day, ZoneId.of("Europe/Berlin"))).isEqualTo(1);
        assertThat(DueQueue.newIntroducedOn(log, day.minusDays(1), ZoneId.of("UTC"))).isEqualTo(1);
        assertThat(DueQueue.newIntroducedOn(List.of(), day, ZoneId.of("UTC"))).isZero();
    }
}
