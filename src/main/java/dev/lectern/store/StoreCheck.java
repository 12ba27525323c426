package dev.lectern.store;

import java.nio.file.Path;
import java.util.List;

/** What {@code lectern store check} reports: {@link ProgressStore#check()}. */
public record StoreCheck(Path file, List<String> integrityProblems, int schemaVersion, long reviews, long cards,
        long exams, int staleCards, int backups, long bytes) {

    public StoreCheck {
        integrityProblems = List.copyOf(integrityProblems);
    }

    public boolean ok() {
        return integrityProblems.isEmpty() && staleCards == 0;
    }
}
