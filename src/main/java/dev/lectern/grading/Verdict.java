package dev.lectern.grading;

/** How an answer is judged overall. */
public enum Verdict {
    CORRECT("correct"),
    PARTIAL("partial"),
    INCORRECT("incorrect"),
    /**
     * The claim checks could not confirm what the words suggest (much in common with the reference, but its key
     * points neither confirmed nor contradicted): the student compares and rates, as with Anki's type-in cards.
     */
    UNSURE("unsure");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The lower-case word used in files and on screen: correct, partial or incorrect. */
    public String label() {
        return label;
    }

    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equalsIgnoreCase(label.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown verdict \"" + label + "\"; use correct, partial, incorrect or unsure.");
    }
}
