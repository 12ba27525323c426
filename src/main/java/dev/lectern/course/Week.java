package dev.lectern.course;

/** A course week: its number (the order) and the label shown for it. */
public record Week(int number, String label) {
}
