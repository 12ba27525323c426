package dev.lectern.study;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.ReviewRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    public StudyStatistics {
        reviewsPerDay = List.copyOf(reviewsPerDay);
        dueForecast = List.copyOf(dueForecast);
        retentionByWeek = List.copyOf(retentionByWeek);
        mastery = List.copyOf(mastery);
    }

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

    /** Days of reviews per day, ending today. */
    public static final int HISTORY_DAYS = 365;
    /** Days of the due forecast, starting today. */
    public static final int FORECAST_DAYS = 30;
    /** Stability, in days, from which a question counts as mastered. */
    public static final double MASTERED_STABILITY = 21;

    /**
     * The figures at {@code now}, with days counted in {@code zone}. One pass over the log.
     *
     * <p>A review counts for true retention when the card's previous review was at least 24 hours earlier, which
     * leaves out first reviews and same-day learning steps.
     *
     * @param log    the whole review log, oldest first (reviews out of order are sorted first)
     * @param states the current state of every reviewed card
     */
    public static StudyStatistics compute(List<ReviewRecord> log, Map<CardKey, CardState> states,
            List<ReadingCards> readings, Instant now, ZoneId zone) {
        List<ReviewRecord> ordered = inTimeOrder(log);
        ZoneRules rules = zone.getRules();
        long today = LocalDate.ofInstant(now, zone).toEpochDay();
        long historyStart = today - HISTORY_DAYS + 1;

        int[] perDay = new int[HISTORY_DAYS];
        Map<CardKey, Instant> lastReview = new HashMap<>();
        TreeMap<Long, int[]> weeks = new TreeMap<>();
        long[] reviewDays = new long[ordered.size()];
        int distinctDays = 0;
        for (ReviewRecord r : ordered) {
            long day = epochDay(r.at(), rules);
            if (day >= historyStart && day <= today) {
                perDay[(int) (day - historyStart)]++;
            }
            if (distinctDays == 0 || day > reviewDays[distinctDays - 1]) { // (a clock set back is not a new day)
                reviewDays[distinctDays++] = day;
            }
            Instant previous = lastReview.put(r.card(), r.at());
            if (previous != null && Duration.between(previous, r.at()).compareTo(Duration.ofDays(1)) >= 0) {
                long monday = day - Math.floorMod(day + 3, 7);
                int[] counts = weeks.computeIfAbsent(monday, m -> new int[2]);
                counts[0]++;
                if (r.passed()) {
                    counts[1]++;
                }
            }
        }

        List<DayCount> reviewsPerDay = new ArrayList<>(HISTORY_DAYS);
        for (int i = 0; i < HISTORY_DAYS; i++) {
            reviewsPerDay.add(new DayCount(LocalDate.ofEpochDay(historyStart + i), perDay[i]));
        }

        int[] dueCounts = new int[FORECAST_DAYS];
        for (CardState state : states.values()) {
            if (state.isNew() || state.due().isEmpty()) {
                continue;
            }
            long offset = Math.max(0, epochDay(state.due().get(), rules) - today);
            if (offset < FORECAST_DAYS) {
                dueCounts[(int) offset]++;
            }
        }
        List<DayCount> forecast = new ArrayList<>(FORECAST_DAYS);
        for (int i = 0; i < FORECAST_DAYS; i++) {
            forecast.add(new DayCount(LocalDate.ofEpochDay(today + i), dueCounts[i]));
        }

        List<WeekRetention> retention = new ArrayList<>(weeks.size());
        weeks.forEach((monday, counts) -> retention.add(new WeekRetention(LocalDate.ofEpochDay(monday), counts[0],
                counts[1])));

        List<ReadingMastery> mastery = new ArrayList<>(readings.size());
        for (ReadingCards reading : readings) {
            int mastered = 0;
            for (CardKey card : reading.cards()) {
                CardState state = states.get(card);
                if (state != null && !state.isNew() && state.stability() >= MASTERED_STABILITY) {
                    mastered++;
                }
            }
            mastery.add(new ReadingMastery(reading.readingId(), reading.title(), reading.cards().size(), mastered));
        }

        return new StudyStatistics(reviewsPerDay, forecast, retention, mastery,
                currentStreak(reviewDays, distinctDays, today), longestStreak(reviewDays, distinctDays),
                log.size(), lastReview.size());
    }

    private static List<ReviewRecord> inTimeOrder(List<ReviewRecord> log) {
        for (int i = 1; i < log.size(); i++) {
            if (log.get(i).at().isBefore(log.get(i - 1).at())) {
                List<ReviewRecord> sorted = new ArrayList<>(log);
                sorted.sort(Comparator.comparing(ReviewRecord::at));
                return sorted;
            }
        }
        return log;
    }

    private static long epochDay(Instant at, ZoneRules rules) {
        long local = at.getEpochSecond() + rules.getOffset(at).getTotalSeconds();
        return Math.floorDiv(local, 86_400L);
    }

    /** Run of consecutive days ending today, or yesterday when today has no review yet. */
    private static int currentStreak(long[] days, int n, long today) {
        int i = n - 1;
        while (i >= 0 && days[i] > today) {
            i--;
        }
        if (i < 0 || days[i] < today - 1) {
            return 0;
        }
        int streak = 1;
        while (i > 0 && days[i - 1] == days[i] - 1) {
            streak++;
            i--;
        }
        return streak;
    }

    private static int longestStreak(long[] days, int n) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < n; i++) {
            run = i > 0 && days[i] == days[i - 1] + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
