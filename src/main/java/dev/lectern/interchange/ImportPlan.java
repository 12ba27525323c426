package dev.lectern.interchange;

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

    /** "2 new readings, 1 new question set, 0 updated, 3 already in the course; 1 skipped, 0 to check." */
    public String summary() {
        long newReadings = count(readings(), ImportItem.Action.CREATE);
        long newSets = count(questionSets(), ImportItem.Action.CREATE);
        long updatedSets = count(questionSets(), ImportItem.Action.UPDATE);
        long kept = count(items, ImportItem.Action.KEEP);
        return newReadings + " new reading" + (newReadings == 1 ? "" : "s") + ", " + newSets + " new question set"
                + (newSets == 1 ? "" : "s") + ", " + updatedSets + " updated, " + kept + " already in the course; "
                + report.skipped().size() + " skipped, " + report.of(ImportReport.Kind.WARNING).size() + " to check.";
    }

    private static long count(List<ImportItem> items, ImportItem.Action action) {
        return items.stream().filter(i -> i.action() == action).count();
    }
}
