package dev.lectern.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * FSRS-6, the free spaced-repetition scheduler, as a pure function: the next state of a card from its state, a
 * rating, the time, and the fuzz drawn for this review (passed in, so replaying the log gives the same states).
 *
 * <p>It follows py-fsrs 6's {@code Scheduler.review_card}: a new card starts on learning step 0; learning and
 * relearning steps are fixed durations; a card reviewed again less than a whole day after its last review gets the
 * short-term stability update; elapsed time for retrievability is counted in whole days (24-hour periods); review
 * intervals are whole days, rounded half to even as Python's {@code round} does, at least 1 and at most the maximum
 * interval; and when fuzz is on, intervals of 3 days or more are spread over py-fsrs's fuzz ranges. Where py-fsrs
 * differs from fsrs-rs (Anki) and ts-fsrs, Lectern sides with the latter two: a same-day Hard does not lower
 * stability; a review card's intervals are put in order, Hard &le; Good &lt; Easy; and the fuzzed interval is the floor
 * of {@code fuzz * (max - min + 1) + min}, so it always lies in {@code [min, max]}.
 */
public final class Fsrs {

    /**
     * Names this implementation's results. Change it whenever a change here gives different card states for the same
     * reviews: the progress store then recomputes every card from its log.
     */
    public static final String VERSION = "FSRS-6, Lectern 2 (fuzz by card and UTC day; Hard <= Good < Easy)";

    private static final double STABILITY_MIN = 0.001;
    private static final double[][] FUZZ_RANGES = { { 2.5, 7.0, 0.15 }, { 7.0, 20.0, 0.1 },
            { 20.0, Double.POSITIVE_INFINITY, 0.05 } };

    private final SchedulerSettings settings;
    private final double[] w;
    private final double decay;
    private final double factor;

    public Fsrs(SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.w = settings.weights().stream().mapToDouble(Double::doubleValue).toArray();
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    public SchedulerSettings settings() {
        return settings;
    }

    /**
     * The card's state after {@code review}: the next state when its mode reschedules
     * ({@link SchedulerSettings#reschedules}), else {@code state} as it was.
     */
    public CardState apply(CardState state, ReviewRecord review) {
        if (!settings.reschedules(review.mode())) {
            return state;
        }
        return next(state, review.rating(), review.at(), fuzzFor(review.card(), review.at()));
    }

    /**
     * The card's state after a review.
     *
     * @param fuzz a number in [0, 1) that spreads review intervals (see {@link #fuzzFor}); ignored when fuzz is off
     */
    public CardState next(CardState state, FlashcardRating rating, Instant now, double fuzz) {
        Objects.requireNonNull(state);
        Objects.requireNonNull(rating);
        Objects.requireNonNull(now);
        int g = rating.number();
        Optional<Long> daysSinceLast = state.lastReview().map(last -> floorDays(Duration.between(last, now)));
        boolean sameDay = daysSinceLast.isPresent() && daysSinceLast.get() < 1;

        double stability;
        double difficulty;
        if (state.isNew()) {
            stability = initialStability(g);
            difficulty = initialDifficulty(g, true);
        } else {
            stability = sameDay ? shortTermStability(state.stability(), g)
                    : nextStability(state.difficulty(), state.stability(), retrievability(state, now), g);
            difficulty = nextDifficulty(state.difficulty(), g);
        }

        CardPhase phase;
        int step;
        Duration interval;
        int lapses = state.lapses();
        switch (state.phase()) {
            case NEW:
            case LEARNING:
            case RELEARNING: {
                CardPhase stepping = state.phase() == CardPhase.RELEARNING ? CardPhase.RELEARNING : CardPhase.LEARNING;
                List<Duration> steps = stepping == CardPhase.RELEARNING ? settings.relearningSteps()
                        : settings.learningSteps();
                int current = state.isNew() ? 0 : state.step();
                boolean graduates = steps.isEmpty() || (current >= steps.size() && rating != FlashcardRating.AGAIN)
                        || rating == FlashcardRating.EASY
                        || (rating == FlashcardRating.GOOD && current + 1 >= steps.size());
                if (graduates) {
                    phase = CardPhase.REVIEW;
                    step = 0;
                    interval = Duration.ofDays(nextIntervalDays(stability));
                } else if (rating == FlashcardRating.AGAIN) {
                    phase = stepping;
                    step = 0;
                    interval = steps.get(0);
                } else if (rating == FlashcardRating.HARD) {
                    phase = stepping;
                    step = current;
                    if (current == 0 && steps.size() == 1) {
                        interval = steps.get(0).multipliedBy(3).dividedBy(2);
                    } else if (current == 0) {
                        interval = steps.get(0).plus(steps.get(1)).dividedBy(2);
                    } else {
                        interval = steps.get(current);
                    }
                } else {
                    phase = stepping;
                    step = current + 1;
                    interval = steps.get(step);
                }
                break;
            }
            case REVIEW:
            default: {
                if (rating == FlashcardRating.AGAIN && !settings.relearningSteps().isEmpty()) {
                    phase = CardPhase.RELEARNING;
                    step = 0;
                    interval = settings.relearningSteps().get(0);
                } else {
                    phase = CardPhase.REVIEW;
                    step = 0;
                    interval = rating == FlashcardRating.AGAIN ? Duration.ofDays(nextIntervalDays(stability))
                            : Duration.ofDays(orderedReviewDays(state, rating, now, sameDay, fuzz));
                }
                if (rating == FlashcardRating.AGAIN) {
                    lapses++;
                }
                break;
            }
        }
        if (settings.fuzz() && phase == CardPhase.REVIEW && !(state.phase() == CardPhase.REVIEW
                && rating != FlashcardRating.AGAIN)) {
            interval = fuzzed(interval, fuzz);
        }
        return new CardState(phase, step, stability, difficulty, Optional.of(now.plus(interval)), Optional.of(now),
                state.reps() + 1, lapses);
    }

    /**
     * The interval in days a review card gets for Hard, Good or Easy: each rating's interval (fuzzed alike), then put
     * in order as Anki and ts-fsrs do, so that Hard &le; Good &lt; Easy and the buttons never offer the same interval
     * for Good and Easy.
     */
    private long orderedReviewDays(CardState state, FlashcardRating rating, Instant now, boolean sameDay,
            double fuzz) {
        double r = retrievability(state, now);
        long[] days = new long[5];
        for (int g = 2; g <= 4; g++) {
            double s = sameDay ? shortTermStability(state.stability(), g)
                    : nextStability(state.difficulty(), state.stability(), r, g);
            long d = nextIntervalDays(s);
            days[g] = settings.fuzz() ? fuzzed(Duration.ofDays(d), fuzz).toDays() : d;
        }
        long max = settings.maximumIntervalDays();
        long hard = Math.min(days[2], days[3]);
        long good = Math.min(Math.max(days[3], hard + 1), max);
        long easy = Math.min(Math.max(days[4], good + 1), max);
        switch (rating) {
            case HARD:
                return hard;
            case GOOD:
                return good;
            default:
                return easy;
        }
    }

    /** What each rating would give, for the buttons' interval labels. */
    public Map<FlashcardRating, CardState> preview(CardState state, Instant now, double fuzz) {
        Map<FlashcardRating, CardState> result = new EnumMap<>(FlashcardRating.class);
        for (FlashcardRating rating : FlashcardRating.values()) {
            result.put(rating, next(state, rating, now, fuzz));
        }
        return result;
    }

    /**
     * The probability of recalling the card at {@code now}; 0 for a new card. Time is counted in whole days since the
     * last review, as py-fsrs does, so it stays at 1 for the first 24 hours.
     */
    public double retrievability(CardState state, Instant now) {
        if (state.lastReview().isEmpty() || state.stability() <= 0) {
            return 0;
        }
        long days = Math.max(0, floorDays(Duration.between(state.lastReview().get(), now)));
        return forgettingCurve(days, state.stability());
    }

    /** FSRS-6's forgetting curve: the probability of recall {@code elapsedDays} after a review, at this stability. */
    public double forgettingCurve(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    /**
     * The interval in whole days, before fuzz, for a card of this stability: the time for retrievability to fall to
     * the desired retention, rounded, at least 1 day and at most the maximum interval.
     */
    public int nextIntervalDays(double stability) {
        double days = stability / factor * (Math.pow(settings.desiredRetention(), 1 / decay) - 1);
        long rounded = (long) Math.rint(days);
        return (int) Math.min(Math.max(rounded, 1), settings.maximumIntervalDays());
    }

    /**
     * The range {@code [min, max]} in whole days that fuzz spreads an interval of {@code days} over (py-fsrs's fuzz
     * ranges); {@code [days, days]} for intervals under 2.5 days, which are not fuzzed.
     */
    public int[] fuzzRange(long days) {
        if (days < 2.5) {
            return new int[] { (int) days, (int) days };
        }
        double delta = 1.0;
        for (double[] range : FUZZ_RANGES) {
            delta += range[2] * Math.max(Math.min(days, range[1]) - range[0], 0.0);
        }
        long min = (long) Math.rint(days - delta);
        long max = (long) Math.rint(days + delta);
        min = Math.max(2, min);
        max = Math.min(max, settings.maximumIntervalDays());
        min = Math.min(min, max);
        return new int[] { (int) min, (int) max };
    }

    /**
     * The fuzz for a review of {@code card} at {@code at}: a fixed function of the card and the UTC day of {@code at},
     * in [0, 1). The day, not the instant, so that the intervals the rating buttons show (computed when the answer is
     * revealed) are the ones the review gets when it is rated a little later. A 64-bit FNV-1a hash of the card's text,
     * mixed with the epoch day through SplitMix64's finaliser.
     */
    public static double fuzzFor(CardKey card, Instant at) {
        long hash = 0xcbf29ce484222325L;
        String text = card.text();
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
        long z = hash + day * 0x9e3779b97f4a7c15L + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private Duration fuzzed(Duration interval, double fuzz) {
        long days = interval.toDays();
        if (days < 2.5) {
            return interval;
        }
        int[] range = fuzzRange(days);
        double f = Math.min(Math.max(fuzz, 0), Math.nextDown(1.0));
        long fuzzedDays = (long) Math.floor(f * (range[1] - range[0] + 1) + range[0]);
        fuzzedDays = Math.min(Math.min(fuzzedDays, range[1]), settings.maximumIntervalDays());
        return Duration.ofDays(fuzzedDays);
    }

    private double initialStability(int g) {
        return Math.max(w[g - 1], STABILITY_MIN);
    }

    double initialDifficulty(int g, boolean clamp) {
        double d = w[4] - Math.exp(w[5] * (g - 1)) + 1;
        return clamp ? clampDifficulty(d) : d;
    }

    double nextDifficulty(double d, int g) {
        double delta = -(w[6] * (g - 3));
        double damped = d + (10.0 - d) * delta / 9.0;
        return clampDifficulty(w[7] * initialDifficulty(4, false) + (1 - w[7]) * damped);
    }

    double shortTermStability(double s, int g) {
        double increase = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(s, -w[19]);
        if (g >= 2) {
            // As fsrs-rs (Anki) and ts-fsrs: a same-day Hard, Good or Easy never lowers stability (py-fsrs: Good, Easy).
            increase = Math.max(increase, 1.0);
        }
        return Math.max(s * increase, STABILITY_MIN);
    }

    private double nextStability(double d, double s, double r, int g) {
        double next = g == 1 ? forgetStability(d, s, r) : recallStability(d, s, r, g);
        return Math.max(next, STABILITY_MIN);
    }

    double forgetStability(double d, double s, double r) {
        double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]);
        double shortTerm = s / Math.exp(w[17] * w[18]);
        return Math.min(longTerm, shortTerm);
    }

    double recallStability(double d, double s, double r, int g) {
        double hardPenalty = g == 2 ? w[15] : 1;
        double easyBonus = g == 4 ? w[16] : 1;
        return s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1)
                * hardPenalty * easyBonus);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, 1.0), 10.0);
    }

    /** Whole days in {@code d}, rounded down as Python's {@code timedelta.days} does (so -1 s is -1 day). */
    private static long floorDays(Duration d) {
        return Math.floorDiv(d.getSeconds(), 86_400L);
    }
}
