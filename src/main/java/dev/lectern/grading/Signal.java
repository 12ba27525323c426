package dev.lectern.grading;

/**
 * One measurement the score is built from, for the debug view: its name, what it means, its value, and what it
 * added to the score's log-odds (weight times value).
 */
public record Signal(String name, String description, double value, double contribution) {
}
