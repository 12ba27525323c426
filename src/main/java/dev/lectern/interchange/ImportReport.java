package dev.lectern.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import left out and why, and what it decided on its own (a fuzzy match, a merged duplicate, a guessed
 * week), each at the place in the imported file it concerns, in words a course author understands.
 */
public record ImportReport(List<Entry> entries) {

    public ImportReport {
        entries = List.copyOf(entries);
    }

    /** How much an entry matters. */
    public enum Kind {
        /** Something in the imported file was left out. */
        SKIPPED,
        /** Something was imported, but differently from what the file said, or guessed: worth checking. */
        WARNING,
        /** A decision the author may want to know about (a match, a merge). */
        NOTE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line of the report: {@code file:line: kind: message}. */
    public record Entry(Path file, int line, Kind kind, String message) {

        public Entry {
            line = Math.max(1, line);
        }

        public String format() {
            return file + ":" + line + ": " + kind.label() + ": " + message;
        }
    }

    public List<Entry> skipped() {
        return entries.stream().filter(e -> e.kind() == Kind.SKIPPED).toList();
    }

    public List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Collects entries while an import is planned. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public void skipped(Path file, int line, String message) {
            entries.add(new Entry(file, line, Kind.SKIPPED, message));
        }

        public void warning(Path file, int line, String message) {
            entries.add(new Entry(file, line, Kind.WARNING, message));
        }

        public void note(Path file, int line, String message) {
            entries.add(new Entry(file, line, Kind.NOTE, message));
        }

        /** The entries by file, then line (in the order they were found within a line). */
        ImportReport build() {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(java.util.Comparator.comparing((Entry e) -> e.file().toString()).thenComparingInt(Entry::line));
            return new ImportReport(sorted);
        }
    }
}
