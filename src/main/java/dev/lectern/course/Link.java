package dev.lectern.course;

/** A link from a reading to the paper, its PDF, its code or its project page. */
public record Link(LinkKind kind, String url) {
}
