package dev.lectern.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Replaying the log gives the states the live reviews gave. */
class CardHistoryTest {

    static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
    static final CardKey CARD = new CardKey("set", "q1");
    static final CardKey OTHER = new CardKey("set", "q2");

    static ReviewRecord review(CardKey card, Instant at, FlashcardRating rating) {
        return new ReviewRecord(card, at, rating, OptionalInt.empty(), Optional.empty(), "", Duration.ZERO,
                ReviewMode.FLASHCARD);
    }

    @Test
    void replayEqualsApplyingNextLiveOneReviewAtATime() {
        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults());
        List<ReviewRecord> log = new ArrayList<>();
        CardState live = CardState.NEW;
        Instant at = T0;
        FlashcardRating[] ratings = { FlashcardRating.GOOD, FlashcardRating.GOOD, FlashcardRating.GOOD,
                FlashcardRating.HARD, FlashcardRating.AGAIN, FlashcardRating.GOOD, FlashcardRating.EASY,
                FlashcardRating.GOOD, FlashcardRating.GOOD };
        for (FlashcardRating rating : ratings) {
            live = fsrs.next(live, rating, at, Fsrs.fuzzFor(CARD, at));
            log.add(review(CARD, at, rating));
            log.add(review(OTHER, at.plusSeconds(30), FlashcardRating.AGAIN));
            assertThat(CardHistory.replay(CARD, log, fsrs)).isEqualTo(live);
            at = live.due().orElseThrow().plus(Duration.ofHours(3));
        }
        assertThat(live.stability()).isGreaterThan(10);

        List<ReviewRecord> shuffled = new ArrayList<>(log);
        Collections.reverse(shuffled);
        assertThat(CardHistory.replay(CARD, shuffled, fsrs)).isEqualTo(live);
    }

    @Test
    void aCardWithoutReviewsIsNew() {
        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults());
        assertThat(CardHistory.replay(CARD, List.of(), fsrs)).isEqualTo(CardState.NEW);
        assertThat(CardHistory.replay(CARD, List.of(review(OTHER, T0, FlashcardRating.GOOD)), fsrs))
                .isEqualTo(CardState.NEW);
    }
}
