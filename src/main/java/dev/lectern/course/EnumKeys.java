package dev.lectern.course;

import java.util.Locale;
import java.util.Optional;

/** The keys the course files spell enum constants with: the constant's name in lower case. */
final class EnumKeys {

    private EnumKeys() {
    }

    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose key is {@code key}, ignoring case and surrounding white space. */
    static <E extends Enum<E>> Optional<E> fromKey(Class<E> type, String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (key(constant).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
