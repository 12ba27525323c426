package dev.lectern.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The figures of the Statistics view and {@code lectern stats}, computed from the review log and the card states
 * alone (pure: the time and the time zone are passed in).
 *
 * @param reviewsPerDay   one entry per day for the last 365 days, oldest first, ending today (days without reviews
 *                        count 0)
 * @param dueForecast     one entry per day for the next 30 days from today: cards falling due that day (today's entry
 *                        includes everything overdue)
 * @param retentionByWeek per calendar week (Monday first) with reviews of graduated cards, oldest first: true retention,
 *                        the share of such reviews not rated Again
 * @param mastery         per reading, in the order given: the share of its questions with stability of 21 days or more
 * @param currentStreak   days in a row with at least one review, ending today (or yesterday, if today has none yet)
 * @param longestStreak   the longest such run ever
 */
public record StudyStatistics(List<DayCount> reviewsPerDay, List<DayCount> dueForecast,
        List<WeekRetention> retentionByWeek, List<ReadingMastery> mastery, int currentStreak, int longestStreak,
        int totalReviews, int cardsStudied) {

    public record DayCount(LocalDate day, int count) {
    }

    /** @param weekStart the Monday of the week */
    public record WeekRetention(LocalDate weekStart, int reviews, int passed) {
        public double retention() {
            return reviews == 0 ? 0 : (double) passed / reviews;
        }
    }

    public record ReadingMastery(String readingId, String title, int questions, int mastered) {
        public double share() {
            return questions == 0 ? 0 : (double) mastered / questions;
        }
    }

    /** A reading and its cards, in course order, for the mastery figures. */
    public record ReadingCards(String readingId, String title, List<CardKey> cards) {
    }

    /**
     * @param log    the whole review log, oldest first
     * @param states the current state of every reviewed card
     */
    public static StudyStatistics compute(List<ReviewRecord> log, Map<CardKey, CardState> states,
            List<ReadingCards> readings, Instant now, ZoneId zone) {
        throw new UnsupportedOperationException("not written yet");
    }
}
