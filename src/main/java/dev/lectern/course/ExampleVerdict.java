package dev.lectern.course;

import java.util.Optional;

/** What a person judged a sample answer to be: correct, partial or incorrect. */
public enum ExampleVerdict {
    CORRECT, PARTIAL, INCORRECT;

    /** The word in course files: correct, partial or incorrect. */
    public String key() {
        return EnumKeys.key(this);
    }

    public static Optional<ExampleVerdict> fromKey(String key) {
        return EnumKeys.fromKey(ExampleVerdict.class, key);
    }
}
