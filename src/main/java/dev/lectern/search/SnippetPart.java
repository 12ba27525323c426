package dev.lectern.search;

/** A run of snippet text, highlighted when it is a word the query matched. */
public record SnippetPart(String text, boolean highlighted) {
}
