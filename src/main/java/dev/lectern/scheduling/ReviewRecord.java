package dev.lectern.scheduling;

import dev.lectern.grading.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of the append-only review log: which card, when, the rating that schedules it, what the grader made of
 * a typed answer (if one was typed and graded), the answer itself (empty for flashcards), how long it took, and in
 * which mode. Card state is derived from these entries alone.
 *
 * @param score   the grader's score 0–100, when the answer was graded
 * @param verdict the verdict that counted (the grader's, or the student's override), when an answer was typed
 * @param taken   from showing the question to the rating; zero when unknown
 */
public record ReviewRecord(CardKey card, Instant at, FlashcardRating rating, OptionalInt score,
        Optional<Verdict> verdict, String answer, Duration taken, ReviewMode mode) {

    public ReviewRecord {
        Required.nonNull(card, at, rating, score, verdict, mode);
        answer = answer == null ? "" : answer;
        taken = taken == null || taken.isNegative() ? Duration.ZERO : taken;
    }

    /** Whether the card was recalled: every rating but Again. */
    public boolean passed() {
        return rating != FlashcardRating.AGAIN;
    }
}
