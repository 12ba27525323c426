package dev.lectern.course;

import java.util.Locale;
import java.util.Optional;

/** The kinds of link a reading can carry, in the order they are shown. */
public enum LinkKind {
    ARXIV("arXiv"), PDF("PDF"), CODE("Code"), PROJECT("Project page");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    /** The key used in course files, e.g. {@code arxiv}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a button for this link says. */
    public String label() {
        return label;
    }

    public static Optional<LinkKind> fromKey(String key) {
        for (LinkKind k : values()) {
            if (k.key().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
