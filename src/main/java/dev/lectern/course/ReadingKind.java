package dev.lectern.course;

import java.util.Optional;

/** What a reading is: a paper, a slide deck, a thesis or something else. */
public enum ReadingKind {
    PAPER, SLIDES, THESIS, OTHER;

    public String key() {
        return EnumKeys.key(this);
    }

    public static Optional<ReadingKind> fromKey(String key) {
        return EnumKeys.fromKey(ReadingKind.class, key);
    }
}
