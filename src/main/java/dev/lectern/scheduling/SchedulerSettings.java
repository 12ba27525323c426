package dev.lectern.scheduling;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How FSRS schedules: its 21 weights, the retention the student wants, the longest interval, how many new questions a
 * day, whether intervals are fuzzed, the short steps for learning and relearning, and which drills reschedule.
 *
 * @param rescheduling the modes whose answers count towards the schedule, as a review does (always included), like
 *                     Anki's "reschedule cards based on my answers" of a filtered deck; answers in the other modes are
 *                     logged (statistics, overrides) but leave their question's schedule as it was
 */
public record SchedulerSettings(List<Double> weights, double desiredRetention, int maximumIntervalDays,
        int newPerDay, boolean fuzz, List<Duration> learningSteps, List<Duration> relearningSteps,
        Set<ReviewMode> rescheduling) {

    /**
     * What reschedules by default: every drill, as a review does (practice and exams are answers to the question, and a
     * flashcard rating is the self-rated recall an Anki review is). A student who uses practice to cram turns it off.
     */
    public static final Set<ReviewMode> DEFAULT_RESCHEDULING = Collections.unmodifiableSet(EnumSet.allOf(ReviewMode.class));

    /** FSRS-6's current default weights (newer than the ones built into the reference libraries' first releases). */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
            0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
            0.1542);

    /** With the default drills rescheduling. */
    public SchedulerSettings(List<Double> weights, double desiredRetention, int maximumIntervalDays, int newPerDay,
            boolean fuzz, List<Duration> learningSteps, List<Duration> relearningSteps) {
        this(weights, desiredRetention, maximumIntervalDays, newPerDay, fuzz, learningSteps, relearningSteps,
                DEFAULT_RESCHEDULING);
    }

    public SchedulerSettings {
        EnumSet<ReviewMode> modes = EnumSet.of(ReviewMode.REVIEW);
        modes.addAll(rescheduling);
        rescheduling = Collections.unmodifiableSet(modes);
        weights = List.copyOf(weights);
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        if (weights.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 needs 21 weights, not " + weights.size());
        }
        if (!(desiredRetention >= 0.70 && desiredRetention <= 0.99)) {
            throw new IllegalArgumentException("desired retention must be between 0.70 and 0.99, not " + desiredRetention);
        }
        if (maximumIntervalDays < 1 || maximumIntervalDays > 36500) {
            throw new IllegalArgumentException("the maximum interval must be 1 to 36500 days, not " + maximumIntervalDays);
        }
        if (newPerDay < 0 || newPerDay > 9999) {
            throw new IllegalArgumentException("new questions a day must be 0 to 9999, not " + newPerDay);
        }
        for (Duration step : learningSteps) {
            Objects.requireNonNull(step);
        }
    }

    /** Retention 0.90, intervals up to 36500 days, 20 new questions a day, fuzz on, steps 1 m, 10 m and 10 m. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(DEFAULT_WEIGHTS, 0.90, 36500, 20, true,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)),
                DEFAULT_RESCHEDULING);
    }

    public SchedulerSettings withDesiredRetention(double retention) {
        return new SchedulerSettings(weights, retention, maximumIntervalDays, newPerDay, fuzz, learningSteps,
                relearningSteps, rescheduling);
    }

    public SchedulerSettings withMaximumIntervalDays(int days) {
        return new SchedulerSettings(weights, desiredRetention, days, newPerDay, fuzz, learningSteps, relearningSteps,
                rescheduling);
    }

    public SchedulerSettings withNewPerDay(int count) {
        return new SchedulerSettings(weights, desiredRetention, maximumIntervalDays, count, fuzz, learningSteps,
                relearningSteps, rescheduling);
    }

    public SchedulerSettings withFuzz(boolean on) {
        return new SchedulerSettings(weights, desiredRetention, maximumIntervalDays, newPerDay, on, learningSteps,
                relearningSteps, rescheduling);
    }

    public SchedulerSettings withRescheduling(Set<ReviewMode> modes) {
        return new SchedulerSettings(weights, desiredRetention, maximumIntervalDays, newPerDay, fuzz, learningSteps,
                relearningSteps, modes);
    }

    /** Whether answers given in {@code mode} count towards the schedule. */
    public boolean reschedules(ReviewMode mode) {
        return rescheduling.contains(mode);
    }
}
