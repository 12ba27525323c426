package dev.lectern.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** FSRS's invariants over any sequence of ratings, gaps and fuzz. */
class FsrsPropertiesTest {

    static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
    static final CardKey CARD = new CardKey("set", "q");

    @Property(tries = 300)
    void stabilityStaysPositiveAndDifficultyWithinOneToTenForAnyRatings(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 1, max = 4) Integer> ratings,
            @ForAll @Size(max = 60) List<@LongRange(min = 0, max = 400L * 24 * 60) Long> gapsInMinutes,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fuzz,
            @ForAll boolean fuzzOn) {
        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults().withFuzz(fuzzOn).withMaximumIntervalDays(3650));
        CardState state = CardState.NEW;
        Instant at = T0;
        for (int i = 0; i < ratings.size(); i++) {
            FlashcardRating rating = FlashcardRating.ofNumber(ratings.get(i)).orElseThrow();
            state = fsrs.next(state, rating, at, fuzz);
            assertThat(state.stability()).isPositive().isFinite();
            assertThat(state.difficulty()).isBetween(1.0, 10.0);
            assertThat(state.due().orElseThrow()).isAfter(at);
            assertThat(Duration.between(at, state.due().orElseThrow())).isLessThanOrEqualTo(Duration.ofDays(3650));
            assertThat(fsrs.retrievability(state, at)).isBetween(0.0, 1.0);
            at = at.plus(Duration.ofMinutes(i < gapsInMinutes.size() ? gapsInMinutes.get(i) : 10));
        }
        assertThat(state.reps()).isEqualTo(ratings.size());
    }

    @Property(tries = 100)
    void replayEqualsLiveForAnyRatings(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 4) Integer> ratings,
            @ForAll @Size(max = 30) List<@LongRange(min = 1, max = 100L * 24 * 60) Long> gapsInMinutes) {
        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults());
        List<ReviewRecord> log = new ArrayList<>();
        CardState live = CardState.NEW;
        Instant at = T0;
        for (int i = 0; i < ratings.size(); i++) {
            FlashcardRating rating = FlashcardRating.ofNumber(ratings.get(i)).orElseThrow();
            live = fsrs.next(live, rating, at, Fsrs.fuzzFor(CARD, at));
            log.add(CardHistoryTest.review(CARD, at, rating));
            at = at.plus(Duration.ofMinutes(i < gapsInMinutes.size() ? gapsInMinutes.get(i) : 10));
        }
        assertThat(CardHistory.replay(CARD, log, fsrs)).isEqualTo(live);
    }

    @Property(tries = 300)
    void aReviewCardsButtonsOfferHardAtMostGoodAndGoodLessThanEasy(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 4) Integer> ratings,
            @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 200L * 24 * 60) Long> gapsInMinutes,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fuzz,
            @ForAll boolean fuzzOn) {
        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults().withFuzz(fuzzOn));
        CardState state = CardState.NEW;
        Instant at = T0;
        for (int i = 0; i < ratings.size(); i++) {
            state = fsrs.next(state, FlashcardRating.ofNumber(ratings.get(i)).orElseThrow(), at, fuzz);
            at = at.plus(Duration.ofMinutes(i < gapsInMinutes.size() ? gapsInMinutes.get(i) : 10));
        }
        if (state.phase() != CardPhase.REVIEW) {
            return;
        }
        java.util.Map<FlashcardRating, CardState> preview = fsrs.preview(state, at, fuzz);
        Instant hard = preview.get(FlashcardRating.HARD).due().orElseThrow();
        Instant good = preview.get(FlashcardRating.GOOD).due().orElseThrow();
        Instant easy = preview.get(FlashcardRating.EASY).due().orElseThrow();
        assertThat(hard).isBeforeOrEqualTo(good);
        assertThat(good).isBefore(easy);
    }
}
