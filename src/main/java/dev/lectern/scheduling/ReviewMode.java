package dev.lectern.scheduling;

import java.util.Locale;

/** Where a review in the log came from. Stored by {@link #code()}, which never changes. */
public enum ReviewMode {
    PRACTICE,
    FLASHCARD,
    EXAM,
    REVIEW;

    /** The lower-case word used in the database and CSV files: practice, flashcard, exam or review. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewMode fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
