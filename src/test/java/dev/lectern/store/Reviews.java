package dev.lectern.store;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Review records for tests. */
final class Reviews {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private Reviews() {
    }

    static ReviewRecord flashcard(String set, String question, Instant at, FlashcardRating rating) {
        return new ReviewRecord(new CardKey(set, question), at, rating, OptionalInt.empty(), Optional.empty(), "",
                Duration.ofSeconds(4), ReviewMode.FLASHCARD);
    }

    static ReviewRecord typed(String set, String question, Instant at, int score, Verdict verdict, String answer) {
        return new ReviewRecord(new CardKey(set, question), at, FlashcardRating.suggestedFor(verdict),
                OptionalInt.of(score), Optional.of(verdict), answer, Duration.ofMillis(12_345), ReviewMode.PRACTICE);
    }

    /**
     * {@code count} reviews of {@code cards} cards, a few minutes to a few days apart, with all four ratings, typed and
     * flashcard ones: the same for the same seed.
     */
    static List<ReviewRecord> random(long seed, int count, int cards, Instant start) {
        Random random = new Random(seed);
        List<ReviewRecord> reviews = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < count; i++) {
            at = at.plusSeconds(60 + random.nextInt(random.nextInt(10) == 0 ? 4 * 86_400 : 3_600));
            int card = random.nextInt(cards);
            String set = "set-" + card % 7;
            String question = "q-" + card;
            FlashcardRating rating = FlashcardRating.values()[random.nextInt(4)];
            if (random.nextBoolean()) {
                reviews.add(flashcard(set, question, at, rating));
            } else {
                Verdict verdict = Verdict.values()[random.nextInt(3)];
                reviews.add(typed(set, question, at, random.nextInt(101), verdict, "answer " + i + ", \"quoted\"\n"));
            }
        }
        return reviews;
    }
}
