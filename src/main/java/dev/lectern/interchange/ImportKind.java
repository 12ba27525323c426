package dev.lectern.interchange;

import java.util.Locale;
import java.util.Optional;

/** What an import reads: course-site posts, Q&A sheets, or Anki / CSV flashcard exports. */
public enum ImportKind {
    /** Jekyll course-site posts with a readings section: one reading per paper. */
    POSTS,
    /** Weekly Q&A sheets ("Week 8 Thursday Paper 1: title", numbered questions, "Ans:"): one question set per paper. */
    QA,
    /** Anki "Notes in Plain Text" exports and CSV/TSV files with Front and Back columns: one question set. */
    ANKI;

    /** The kind as typed on the command line ({@code posts}, {@code qa}, {@code anki}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> fromKey(String key) {
        for (ImportKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
