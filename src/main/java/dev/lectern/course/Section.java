package dev.lectern.course;

/** A titled piece of Markdown in a reading that is not the abstract, the slides or the notes. */
public record Section(String title, String markdown) {
}
