package dev.lectern.course;

/** A class meeting within a week, e.g. number 1, label "Tuesday: Multimodal / Vision FM". */
public record Session(int number, String label) {
}
