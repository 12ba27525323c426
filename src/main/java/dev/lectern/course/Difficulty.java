package dev.lectern.course;

import java.util.Locale;
import java.util.Optional;

/** How hard a question is meant to be. */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> fromKey(String key) {
        for (Difficulty d : values()) {
            if (d.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
