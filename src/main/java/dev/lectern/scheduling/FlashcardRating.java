package dev.lectern.scheduling;

import dev.lectern.grading.Verdict;
import java.util.Optional;

/** How well a student recalled a flashcard's answer, on the four-point scale spaced repetition uses. */
public enum FlashcardRating {
    AGAIN(1, "Again"),
    HARD(2, "Hard"),
    GOOD(3, "Good"),
    EASY(4, "Easy");

    private final int number;
    private final String label;

    FlashcardRating(int number, String label) {
        this.number = number;
        this.label = label;
    }

    /** 1 to 4, the key that gives this rating. */
    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** The rating a typed answer's verdict suggests: correct → Good, partial or unsure → Hard, incorrect → Again. */
    public static FlashcardRating suggestedFor(Verdict verdict) {
        switch (verdict) {
            case CORRECT:
                return GOOD;
            case PARTIAL:
                return HARD;
            case UNSURE:
                // the student compares with the reference and rates; Hard is the cautious default
                return HARD;
            default:
                return AGAIN;
        }
    }

    public static Optional<FlashcardRating> ofNumber(int number) {
        for (FlashcardRating r : values()) {
            if (r.number == number) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
