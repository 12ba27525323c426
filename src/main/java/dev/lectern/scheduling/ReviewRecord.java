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
 * @param graded  the grader's own verdict, when the answer was graded in a drill that lets the student override it
 *                (empty in logs from before version 4 of the database)
 */
public record ReviewRecord(CardKey card, Instant at, FlashcardRating rating, OptionalInt score,
        Optional<Verdict> verdict, String answer, Duration taken, ReviewMode mode, Optional<Verdict> graded) {

    public ReviewRecord {
        Required.nonNull(card, at, rating, score, verdict, mode, graded);
        answer = answer == null ? "" : answer;
        taken = taken == null || taken.isNegative() ? Duration.ZERO : taken;
    }

    /** Without the grader's own verdict. */
    public ReviewRecord(CardKey card, Instant at, FlashcardRating rating, OptionalInt score, Optional<Verdict> verdict,
            String answer, Duration taken, ReviewMode mode) {
        this(card, at, rating, score, verdict, answer, taken, mode, Optional.empty());
    }

    /**
     * Whether the student overrode the grader: the verdict that counted is not the one the grader gave. Such a review
     * is a judged example of the question for this student.
     */
    public boolean overridden() {
        return graded.isPresent() && verdict.isPresent() && graded.get() != verdict.get() && !answer.isBlank();
    }

    /** The same review, counted for {@code key}. */
    public ReviewRecord withCard(CardKey key) {
        return key.equals(card) ? this : new ReviewRecord(key, at, rating, score, verdict, answer, taken, mode, graded);
    }

    /** The same review at {@code time}, taking {@code took}. */
    public ReviewRecord withTimes(Instant time, Duration took) {
        return time.equals(at) && took.equals(taken) ? this
                : new ReviewRecord(card, time, rating, score, verdict, answer, took, mode, graded);
    }

    /** Whether the card was recalled: every rating but Again. */
    public boolean passed() {
        return rating != FlashcardRating.AGAIN;
    }
}
