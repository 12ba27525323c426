package dev.lectern.ui.transfer;

import dev.lectern.course.Course;
import dev.lectern.interchange.ImportItem;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.Importer;
import dev.lectern.ui.Background;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File > Import: choose course-site posts, Q&A sheets or flashcard exports, see what would be created, updated or
 * kept and what was skipped and why, then import (or not). Reading the files and writing the course happen in the
 * background; the library reloads afterwards.
 */
public final class CourseImport {

    private static final Logger LOG = LoggerFactory.getLogger(CourseImport.class);

    private final Background tasks;
    private final DialogService dialogs;
    private final Supplier<Course> course;
    private final Runnable reload;

    public CourseImport(Executor background, Executor ui, DialogService dialogs, Supplier<Course> course,
            Runnable reload) {
        this.tasks = new Background(background, ui);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.course = Objects.requireNonNull(course);
        this.reload = Objects.requireNonNull(reload);
    }

    /** The menu item's words for each kind. */
    public static String label(ImportKind kind) {
        switch (kind) {
            case POSTS:
                return "Course-Site Posts…";
            case QA:
                return "Q&A Sheets…";
            default:
                return "Anki or CSV Flashcards…";
        }
    }

    private static List<String> extensions(ImportKind kind) {
        switch (kind) {
            case POSTS:
                return List.of(".md", ".markdown", ".txt");
            case QA:
                return List.of(".txt", ".md");
            default:
                return List.of(".txt", ".csv", ".tsv", ".apkg");
        }
    }

    /** Asks for the files, then shows the plan and report and imports if the author agrees. */
    public void start(ImportKind kind) {
        Course open = course.get();
        if (open == null) {
            dialogs.showError("Import", "Open a course first: imports go into the open course's folder.");
            return;
        }
        String title = "Import " + label(kind).replace("…", "");
        List<Path> files = dialogs.chooseFiles(title, label(kind).replace("…", ""), extensions(kind));
        if (files.isEmpty()) {
            return;
        }
        Path root = open.root();
        tasks.supply(() -> Importer.plan(kind, files, root, ImportOptions.NONE), plan -> confirmAndApply(title, plan),
                e -> {
                    LOG.warn("planning the import of {} failed", files, e);
                    dialogs.showError(title, "The files could not be read: " + Messages.reason(e));
                });
    }

    private void confirmAndApply(String title, ImportPlan plan) {
        if (plan.writes().isEmpty()) {
            dialogs.showInformation(title, "Nothing to import: " + plan.summary()
                    + (plan.report().entries().isEmpty() ? "" : "\n\n" + report(plan)));
            return;
        }
        String message = plan.summary() + "\nFiles are written into " + plan.courseDir() + "; nothing is overwritten"
                + " that changed since.";
        List<List<String>> rows = plan.items().stream().map(item -> List.of(
                plan.courseDir().relativize(item.target()).toString(), item.action().label(),
                item.type().label() + ": " + item.detail())).toList();
        if (!dialogs.confirmTable(title, message, List.of("File", "Action", "Details"), rows,
                plan.report().entries().isEmpty() ? "" : "Report:\n" + report(plan), "Import")) {
            return;
        }
        tasks.supply(() -> Importer.apply(plan), done -> {
            reload.run();
            String written = Messages.plural(done.written().size(), "file") + " written.";
            if (done.succeeded()) {
                dialogs.showInformation(title, written);
            } else {
                dialogs.showError(title, written + " These were not:\n" + done.failures().stream()
                        .map(ImportReport.Entry::format).collect(Collectors.joining("\n")));
            }
        }, e -> {
            LOG.warn("the import into {} failed", plan.courseDir(), e);
            dialogs.showError(title, "The import failed: " + Messages.reason(e));
        });
    }

    private static String report(ImportPlan plan) {
        return plan.report().entries().stream().map(ImportReport.Entry::format).collect(Collectors.joining("\n"));
    }
}
