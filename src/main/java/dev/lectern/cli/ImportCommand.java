package dev.lectern.cli;

import dev.lectern.course.Problem;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.ImportItem;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.ImportResult;
import dev.lectern.interchange.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lectern import <kind> FILE... --into COURSE_DIR [--dry-run]}: brings posts, Q&A sheets and flashcards in. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports what you already have into a course folder:%n"
                + "  posts  course-site posts (Jekyll Markdown): one reading per paper of their readings section%n"
                + "  qa     Q&A sheets (\"Week 8 Thursday Paper 1: title\", numbered questions, \"Ans:\"): one question"
                + " set per paper, linked to the reading whose title matches, with proposed key points%n"
                + "  anki   Anki packages (.apkg), Anki \"Notes in Plain Text\" exports, or CSV/TSV with Front and Back"
                + " columns: one question set (one per deck in a package; Lectern's own exports come back as they"
                + " were)%n"
                + "  pdf    a PDF slide deck: one slide excerpt per page (see lectern import pdf --help)%n"
                + "Prints the plan (every file it writes, merges or keeps) and a report of what was skipped and why, as"
                + " file:line: reason; then writes the files, each atomically. Existing files are never overwritten"
                + " silently: an existing reading is kept, an existing question set gets only the new questions.%n"
                + "Exit code: 0 when the import ran (skipped items are in the report), 1 when a file could not be"
                + " written, 2 on a usage error.")
final class ImportCommand extends PrintingCommand {

    // Not required to picocli, so that `lectern import pdf …` (a subcommand) is not held to them; call() checks them.
    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", description = "posts, qa or anki.")
    String kind;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE",
            description = "Files to import; a folder imports every file in it.")
    List<Path> files;

    @Option(names = "--into", paramLabel = "COURSE_DIR",
            description = "The course folder to import into (made if it does not exist).")
    Path into;

    @Option(names = "--dry-run", description = "Print the plan and the report, and write nothing.")
    boolean dryRun;

    @Option(names = "--week", paramLabel = "N",
            description = "The week for new readings whose source names none (else week 1, and the report says so).")
    Integer week;

    @Option(names = "--reading", paramLabel = "ID",
            description = "anki: the reading the question set drills (else the deck or file name is matched against"
                    + " reading titles, and a stub reading is made if nothing matches).")
    String reading;

    @Override
    protected int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (kind == null || files == null || files.isEmpty()) {
            throw usageError("Say what to import: lectern import"
                    + " posts|qa|anki FILE... --into COURSE_DIR (or lectern import pdf FILE --reading ID).");
        }
        if (into == null) {
            throw usageError("Missing required option: '--into=COURSE_DIR'.");
        }
        Optional<ImportKind> importKind = ImportKind.fromKey(kind);
        if (importKind.isEmpty()) {
            throw usageError("Unknown kind \"" + kind
                    + "\": use posts, qa or anki.");
        }
        if (week != null && week < 0) {
            throw usageError("--week should be a week number such as 7.");
        }
        ImportOptions options = new ImportOptions(week == null ? OptionalInt.empty() : OptionalInt.of(week),
                Optional.ofNullable(reading));
        ImportPlan plan = Importer.plan(importKind.get(), files, into, options);
        print(plan, out);
        if (dryRun) {
            out.println("Dry run: nothing was written.");
            out.flush();
            return 0;
        }
        if (plan.writes().isEmpty()) {
            out.println("Nothing to write: the course already has everything imported.");
            out.flush();
            return 0;
        }
        ImportResult result = Importer.apply(plan);
        for (ImportReport.Entry failure : result.failures()) {
            out.println(failure.format());
        }
        out.println("Wrote " + result.written().size() + " file" + (result.written().size() == 1 ? "" : "s")
                + (result.failures().isEmpty() ? "." : "; " + result.failures().size() + " could not be written."));
        boolean problems = checkWritten(result.written(), out);
        out.flush();
        return result.succeeded() && !problems ? 0 : 1;
    }

    private static void print(ImportPlan plan, PrintWriter out) {
        out.println("Import of " + plan.inputs().size() + " file" + (plan.inputs().size() == 1 ? "" : "s") + " ("
                + plan.kind().key() + ") into " + plan.courseDir() + ":");
        for (ImportItem item : plan.items()) {
            out.println(String.format("  %-6s %s  %s: %s", item.action().label(), item.target(), item.type().label(),
                    item.detail()));
        }
        if (plan.items().isEmpty()) {
            out.println("  nothing to import");
        }
        List<ImportReport.Entry> entries = plan.report().entries();
        if (!entries.isEmpty()) {
            out.println("Report:");
            for (ImportReport.Entry entry : entries) {
                out.println("  " + entry.format());
            }
        }
        out.println(plan.summary());
    }

    /** Loads the course again and prints the problems in the files just written (there should be none). */
    private boolean checkWritten(List<Path> written, PrintWriter out) {
        LoadedCourse loaded = CourseLoader.load(into);
        Set<Path> files = new HashSet<>();
        for (Path p : written) {
            files.add(p.toAbsolutePath().normalize());
        }
        boolean any = false;
        for (Problem problem : loaded.problems()) {
            if (files.contains(problem.file().toAbsolutePath().normalize())) {
                out.println(problem.format(ValidateCommand.shown(problem.file(), loaded.course().root(), into)));
                any = true;
            }
        }
        return any;
    }
}
