package dev.lectern.grading;

import java.util.Locale;

/** How an answer is judged overall. */
public enum Verdict {
    CORRECT,
    PARTIAL,
    INCORRECT,
    /**
     * The claim checks could not confirm what the words suggest (much in common with the reference, but its key
     * points neither confirmed nor contradicted): the student compares and rates, as with Anki's type-in cards.
     */
    UNSURE;

    /** The lower-case word used in files and on screen: correct, partial, incorrect or unsure. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label().equalsIgnoreCase(label.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown verdict \"" + label + "\"; use correct, partial, incorrect or unsure.");
    }
}
