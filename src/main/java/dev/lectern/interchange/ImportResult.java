package dev.lectern.interchange;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Importer#apply} did: the files written, and the ones it refused or failed to write (each as a
 * report entry naming the file and why; the other files were still written).
 */
public record ImportResult(List<Path> written, List<ImportReport.Entry> failures) {

    public ImportResult {
        written = List.copyOf(written);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
