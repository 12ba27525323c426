package dev.lectern.ui.transfer;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.interchange.pdf.PdfImportRequest;
import dev.lectern.interchange.pdf.PdfImportResult;
import dev.lectern.interchange.pdf.PdfImporter;
import dev.lectern.interchange.pdf.ProgressListener;
import dev.lectern.ui.Background;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File > Import > PDF Slide Deck: turns each page of a PDF into a slide excerpt, with a thumbnail, of the reading on
 * show (replacing or adding to its slides) or of a new reading. The import runs in the background with its progress
 * and a Cancel in the status line; a PDF that needs a password asks for it.
 */
public final class DeckImport {

    private static final Logger LOG = LoggerFactory.getLogger(DeckImport.class);
    static final String REPLACE = "Replace Its Slides";
    static final String ADD = "Add to Its Slides";
    static final String NEW = "Add as a New Reading";
    static final String CANCEL = "Cancel";

    private final Background tasks;
    private final Executor ui;
    private final DialogService dialogs;
    private final Supplier<Course> course;
    private final Supplier<Reading> reading;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    public DeckImport(Executor background, Executor ui, DialogService dialogs, Supplier<Course> course,
            Supplier<Reading> reading, Runnable reload) {
        this.tasks = new Background(background, ui);
        this.ui = ui;
        this.dialogs = Objects.requireNonNull(dialogs);
        this.course = Objects.requireNonNull(course);
        this.reading = Objects.requireNonNull(reading);
        this.reload = Objects.requireNonNull(reload);
    }

    /** True while a PDF is being imported. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the PDF is being opened. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Importing deck.pdf: page 12 of 76". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Stops the import after the page in hand; nothing is written. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Asks for the PDF and where its pages go, then imports it in the background. */
    public void start() {
        Course open = course.get();
        if (open == null) {
            dialogs.showError("Import PDF", "Open a course first: the slides go into one of its readings.");
            return;
        }
        if (running.get()) {
            dialogs.showInformation("Import PDF", "A PDF is being imported already; wait for it or cancel it.");
            return;
        }
        List<Path> chosen = dialogs.chooseFiles("Import PDF Slide Deck", "PDF files", List.of(".pdf"));
        if (chosen.isEmpty()) {
            return;
        }
        Path pdf = chosen.get(0);
        Reading on = reading.get();
        String name = pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        // The safe choice comes first and is the default; replacing slides is asked again.
        List<String> choices = on == null ? List.of(NEW, CANCEL) : List.of(NEW, ADD, REPLACE, CANCEL);
        String where = on == null ? "The pages become the slides of a new reading, titled from the PDF."
                : "Each page becomes a slide excerpt with a picture of the page. Make them a new reading (titled"
                        + " from the PDF), or put them into \"" + on.shortTitle() + "\"?";
        Optional<String> choice = dialogs.choose("Import " + pdf.getFileName(), where, choices);
        if (choice.isEmpty() || choice.get().equals(CANCEL)) {
            return;
        }
        if (choice.get().equals(REPLACE) && !on.slides().isEmpty() && !dialogs.confirm("Replace the slides?",
                "The " + Messages.plural(on.slides().size(), "slide excerpt") + " of \"" + on.shortTitle()
                        + "\" will be replaced by the pages of " + pdf.getFileName() + ".",
                "A backup of the reading as it is now is kept in the course's .lectern/backups folder.", REPLACE)) {
            return;
        }
        PdfImportRequest request;
        if (choice.get().equals(NEW)) {
            String id = slug(name);
            int week = on == null ? 1 : on.week();
            request = PdfImportRequest.of(pdf, open.root(), uniqueId(open, id)).withNewReading("", week);
        } else {
            request = PdfImportRequest.of(pdf, open.root(), on.id()).appending(choice.get().equals(ADD));
        }
        run(request);
    }

    private void run(PdfImportRequest request) {
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(-1);
        String file = request.pdf().getFileName().toString();
        status.set("Opening " + file + "…");
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(int pageCount) {
                ui.execute(() -> status.set("Importing " + file + ": " + Messages.plural(pageCount, "page")));
            }

            @Override
            public void pageDone(int done, int total) {
                ui.execute(() -> {
                    progress.set(total == 0 ? 1 : (double) done / total);
                    status.set("Importing " + file + ": page " + done + " of " + total);
                });
            }
        };
        tasks.supply(() -> new PdfImporter().run(request, listener, stop::get), done -> {
            finished();
            report(request, done);
        }, e -> {
            LOG.warn("importing {} failed", request.pdf(), e);
            finished();
            dialogs.showError("Import PDF", file + ": the import failed: " + Messages.reason(e));
        });
    }

    private void finished() {
        running.set(false);
        progress.set(0);
        status.set("");
    }

    private void report(PdfImportRequest request, PdfImportResult result) {
        switch (result.outcome()) {
            case IMPORTED:
                reload.run();
                dialogs.showInformation("Import PDF", result.message()
                        + (result.notes().isEmpty() ? "" : "\n\n" + String.join("\n", result.notes())));
                break;
            case CANCELLED:
                dialogs.showInformation("Import PDF", "Cancelled: nothing was written.");
                break;
            case NEEDS_PASSWORD:
                dialogs.askPassword("Import PDF", result.message())
                        .ifPresent(password -> run(request.withPassword(password)));
                break;
            default:
                dialogs.showError("Import PDF", result.message());
                break;
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "slides" : s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
    }

    private static String uniqueId(Course course, String id) {
        String candidate = id;
        for (int i = 2; course.reading(candidate).isPresent(); i++) {
            candidate = id + "-" + i;
        }
        return candidate;
    }
}
