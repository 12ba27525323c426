package dev.lectern.course;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One slide's worth of a reading: a title, Markdown text, and optionally the image (a path relative to the
 * reading file, already checked to stay inside the course folder) and the page of the deck it comes from.
 */
public record SlideExcerpt(String title, String markdown, Optional<String> image, OptionalInt page) {
}
