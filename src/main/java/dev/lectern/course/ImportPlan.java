package dev.lectern.course;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import would do, before anything is written: every reading and question set with its file and content
 * (new, merged into an existing one, or already there), and the report of what was skipped and why. Show it as a
 * preview, then {@link Importer#apply} it.
 */
public record ImportPlan(ImportKind kind, Path courseDir, List<Path> inputs, List<ImportItem> items,
        ImportReport report) {

    public ImportPlan {
        inputs = List.copyOf(inputs);
        items = List.copyOf(items);
    }

    public List<ImportItem> readings() {
        return items.stream().filter(i -> i.type() == ImportItem.Type.READING).toList();
    }

    public List<ImportItem> questionSets() {
        return items.stream().filter(i -> i.type() == ImportItem.Type.QUESTION_SET).toList();
    }

    /** The items that write a file when the plan is applied. */
    public List<ImportItem> writes() {
        return items.stream().filter(ImportItem::writes).toList();
    }
}
