package dev.lectern.course;

import java.util.Optional;

/** How hard a question is meant to be. */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    public String key() {
        return EnumKeys.key(this);
    }

    public static Optional<Difficulty> fromKey(String key) {
        return EnumKeys.fromKey(Difficulty.class, key);
    }
}
