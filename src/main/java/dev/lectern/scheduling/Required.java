package dev.lectern.scheduling;

import java.util.Objects;

/** Checks for the components of the review records, which may not be null. */
public final class Required {

    private Required() {
    }

    /** Throws {@link NullPointerException} if any of {@code values} is null. */
    public static void nonNull(Object... values) {
        for (Object value : values) {
            Objects.requireNonNull(value);
        }
    }
}
