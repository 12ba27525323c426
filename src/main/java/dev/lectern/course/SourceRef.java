package dev.lectern.course;

import java.nio.file.Path;

/** Where something was written: the file and the 1-based line it starts on. */
public record SourceRef(Path file, int line) {
}
