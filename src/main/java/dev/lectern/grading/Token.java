package dev.lectern.grading;

/** A content word of a text: its Porter stem, the lower-cased word as written, and where it stands. */
record Token(String stem, String word, int start, int end) {
}
