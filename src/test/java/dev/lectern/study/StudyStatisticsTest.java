package dev.lectern.study;

import static dev.lectern.scheduling.FlashcardRating.AGAIN;
import static dev.lectern.scheduling.FlashcardRating.EASY;
import static dev.lectern.scheduling.FlashcardRating.GOOD;
import static dev.lectern.scheduling.FlashcardRating.HARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.study.StudyStatistics.DayCount;
import dev.lectern.study.StudyStatistics.ReadingCards;
import dev.lectern.study.StudyStatistics.ReadingMastery;
import dev.lectern.study.StudyStatistics.WeekRetention;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The Statistics view's figures from a small hand-made log with known answers. */
class StudyStatisticsTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant NOW = Instant.parse("2024-03-20T10:00:00Z"); // a Wednesday
    static final LocalDate TODAY = LocalDate.of(2024, 3, 20);
    static final CardKey A = new CardKey("s", "a");
    static final CardKey B = new CardKey("s", "b");
    static final CardKey C = new CardKey("s", "c");

    static ReviewRecord review(CardKey card, String at, FlashcardRating rating) {
        return new ReviewRecord(card, Instant.parse(at), rating, OptionalInt.empty(), Optional.empty(), "",
                Duration.ZERO, ReviewMode.REVIEW);
    }

    static final List<ReviewRecord> LOG = List.of(
            review(B, "2024-03-11T10:00:00Z", GOOD), // first review: not graduated
            review(B, "2024-03-13T10:00:00Z", HARD), // graduated, week of 11 March, passed
            review(A, "2024-03-18T08:00:00Z", GOOD), // first review
            review(A, "2024-03-18T08:10:00Z", GOOD), // same-day learning step
            review(A, "2024-03-19T09:00:00Z", GOOD), // 24 h 50 m later: graduated, week of 18 March, passed
            review(B, "2024-03-19T12:00:00Z", AGAIN), // graduated, failed
            review(A, "2024-03-20T09:30:00Z", AGAIN), // 24 h 30 m later: graduated, failed
            review(C, "2024-03-20T09:40:00Z", EASY)); // first review

    static CardState state(double stability, String due) {
        Instant at = Instant.parse(due);
        return new CardState(CardPhase.REVIEW, 0, stability, 5, Optional.of(at), Optional.of(at.minusSeconds(86400)),
                1, 0);
    }

    static Map<CardKey, CardState> states() {
        Map<CardKey, CardState> states = new HashMap<>();
        states.put(A, state(1.0, "2024-03-20T09:40:00Z")); // overdue by 20 minutes: today
        states.put(B, state(25, "2024-03-15T12:00:00Z")); // overdue by five days: today
        states.put(C, state(21, "2024-03-28T09:40:00Z")); // in 8 days
        states.put(new CardKey("s", "d"), state(40, "2024-05-01T00:00:00Z")); // past the forecast
        states.put(new CardKey("s", "e"), CardState.NEW);
        states.put(new CardKey("s", "f"), state(2, "2024-03-20T23:00:00Z")); // later today
        states.put(new CardKey("s", "g"), state(30, "2024-04-18T12:00:00Z")); // the forecast's last day
        states.put(new CardKey("s", "h"), state(30, "2024-04-19T00:00:00Z")); // the day after it
        return states;
    }

    static final List<ReadingCards> READINGS = List.of(
            new ReadingCards("r1", "Reading one", List.of(A, B, C)),
            new ReadingCards("r2", "Reading two", List.of(new CardKey("s", "e"), new CardKey("s", "missing"))),
            new ReadingCards("r3", "Reading three", List.of()));

    static StudyStatistics compute() {
        return StudyStatistics.compute(LOG, states(), READINGS, NOW, UTC);
    }

    @Test
    void reviewsPerDayCoverTheLastYearEndingTodayWithZeroDays() {
        List<DayCount> days = compute().reviewsPerDay();
        assertThat(days).hasSize(365);
        assertThat(days.get(0).day()).isEqualTo(TODAY.minusDays(364));
        assertThat(days.get(364)).isEqualTo(new DayCount(TODAY, 2));
        assertThat(days.get(363)).isEqualTo(new DayCount(TODAY.minusDays(1), 2));
        assertThat(days.get(362)).isEqualTo(new DayCount(TODAY.minusDays(2), 2));
        assertThat(days.get(361)).isEqualTo(new DayCount(TODAY.minusDays(3), 0));
        assertThat(days.get(364 - 7)).isEqualTo(new DayCount(LocalDate.of(2024, 3, 13), 1));
        assertThat(days.get(364 - 8)).isEqualTo(new DayCount(LocalDate.of(2024, 3, 12), 0));
        assertThat(days.get(364 - 9)).isEqualTo(new DayCount(LocalDate.of(2024, 3, 11), 1));
        assertThat(days.stream().mapToInt(DayCount::count).sum()).isEqualTo(8);
    }

    @Test
    void theForecastCountsOverdueCardsOnTodayAndEndsAfterThirtyDays() {
        List<DayCount> forecast = compute().dueForecast();
        assertThat(forecast).hasSize(30);
        assertThat(forecast.get(0)).isEqualTo(new DayCount(TODAY, 3));
        assertThat(forecast.get(8)).isEqualTo(new DayCount(LocalDate.of(2024, 3, 28), 1));
        assertThat(forecast.get(29)).isEqualTo(new DayCount(LocalDate.of(2024, 4, 18), 1));
        assertThat(forecast.stream().mapToInt(DayCount::count).sum()).isEqualTo(5);
    }

    @Test
    void trueRetentionCountsOnlyReviewsADayOrMoreAfterTheCardsPreviousReviewByWeek() {
        assertThat(compute().retentionByWeek()).containsExactly(
                new WeekRetention(LocalDate.of(2024, 3, 11), 1, 1),
                new WeekRetention(LocalDate.of(2024, 3, 18), 3, 1));
        assertThat(compute().retentionByWeek().get(1).retention()).isEqualTo(1.0 / 3);
    }

    @Test
    void masteryIsTheShareOfAReadingsQuestionsWithStabilityOfTwentyOneDaysOrMore() {
        assertThat(compute().mastery()).containsExactly(
                new ReadingMastery("r1", "Reading one", 3, 2),
                new ReadingMastery("r2", "Reading two", 2, 0),
                new ReadingMastery("r3", "Reading three", 0, 0));
        assertThat(compute().mastery().get(2).share()).isZero();
    }

    @Test
    void totalsCountReviewsAndDistinctCards() {
        StudyStatistics stats = compute();
        assertThat(stats.totalReviews()).isEqualTo(8);
        assertThat(stats.cardsStudied()).isEqualTo(3);
    }

    @Test
    void streaksRunOverConsecutiveDaysEndingTodayOrYesterday() {
        StudyStatistics stats = compute();
        assertThat(stats.currentStreak()).isEqualTo(3);
        assertThat(stats.longestStreak()).isEqualTo(3);
        StudyStatistics tomorrow = StudyStatistics.compute(LOG, states(), READINGS, NOW.plus(Duration.ofDays(1)), UTC);
        assertThat(tomorrow.currentStreak()).isEqualTo(3);
        StudyStatistics later = StudyStatistics.compute(LOG, states(), READINGS, NOW.plus(Duration.ofDays(2)), UTC);
        assertThat(later.currentStreak()).isZero();
        assertThat(later.longestStreak()).isEqualTo(3);
    }

    @Test
    void streaksFollowTheTimeZonesLocalDays() {
        List<ReviewRecord> log = List.of(
                review(A, "2024-03-18T12:00:00Z", GOOD),
                review(A, "2024-03-19T23:30:00Z", GOOD)); // 20 March, 00:30 in Berlin
        StudyStatistics utc = StudyStatistics.compute(log, Map.of(), List.of(), NOW, UTC);
        StudyStatistics berlin = StudyStatistics.compute(log, Map.of(), List.of(), NOW, ZoneId.of("Europe/Berlin"));
        assertThat(utc.currentStreak()).isEqualTo(2); // 18 and 19 March, ending yesterday
        assertThat(utc.longestStreak()).isEqualTo(2);
        assertThat(berlin.currentStreak()).isEqualTo(1); // 20 March only
        assertThat(berlin.longestStreak()).isEqualTo(1);
        assertThat(berlin.reviewsPerDay().get(364)).isEqualTo(new DayCount(TODAY, 1));
        assertThat(utc.reviewsPerDay().get(364)).isEqualTo(new DayCount(TODAY, 0));
    }

    @Test
    void anEmptyLogGivesZeroesAndFullLengthSeries() {
        StudyStatistics stats = StudyStatistics.compute(List.of(), Map.of(), List.of(), NOW, UTC);
        assertThat(stats.reviewsPerDay()).hasSize(365).allMatch(d -> d.count() == 0);
        assertThat(stats.dueForecast()).hasSize(30).allMatch(d -> d.count() == 0);
        assertThat(stats.retentionByWeek()).isEmpty();
        assertThat(stats.currentStreak()).isZero();
        assertThat(stats.longestStreak()).isZero();
        assertThat(stats.totalReviews()).isZero();
        assertThat(stats.cardsStudied()).isZero();
    }

    @Test
    void aLogOutOfOrderGivesTheSameFigures() {
        List<ReviewRecord> reversed = new ArrayList<>(LOG);
        java.util.Collections.reverse(reversed);
        assertThat(StudyStatistics.compute(reversed, states(), READINGS, NOW, UTC)).isEqualTo(compute());
    }
}
