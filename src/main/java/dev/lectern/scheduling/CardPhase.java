package dev.lectern.scheduling;

/** Where a card is in FSRS's life cycle. */
public enum CardPhase {
    /** Never reviewed. */
    NEW,
    /** Seen, still going through the short learning steps. */
    LEARNING,
    /** Graduated: scheduled in days by its stability. */
    REVIEW,
    /** Forgotten after graduating, going through the relearning steps. */
    RELEARNING
}
