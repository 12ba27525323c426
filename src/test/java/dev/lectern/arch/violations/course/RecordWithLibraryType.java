package dev.lectern.arch.violations.course;

/** A domain record carrying a library type, on purpose. */
public record RecordWithLibraryType(com.fasterxml.jackson.databind.JsonNode node) {
}
