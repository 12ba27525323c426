package dev.lectern.study;

/** The three ways of drilling a question set. */
public enum DrillMode {
    /** Type an answer, see it graded, then the next question. */
    PRACTICE("Practice"),
    /** Think of the answer, reveal the reference answer, rate your recall. */
    FLASHCARDS("Flashcards"),
    /** Random questions, maybe timed, graded only at the end. */
    EXAM("Exam");

    private final String label;

    DrillMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
