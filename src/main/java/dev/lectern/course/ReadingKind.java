package dev.lectern.course;

import java.util.Locale;
import java.util.Optional;

/** What a reading is: a paper, a slide deck, a thesis or something else. */
public enum ReadingKind {
    PAPER, SLIDES, THESIS, OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReadingKind> fromKey(String key) {
        for (ReadingKind k : values()) {
            if (k.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
