package dev.lectern.ui.shell;

import dev.lectern.course.Course;
import dev.lectern.course.Problem;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseWatcher;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.render.ReadingRenderer;
import dev.lectern.render.Theme;
import dev.lectern.search.CourseIndex;
import dev.lectern.search.HitKind;
import dev.lectern.search.SearchHit;
import dev.lectern.search.SearchResults;
import dev.lectern.ui.Background;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Messages;
import dev.lectern.ui.ReadOnlyList;
import dev.lectern.ui.library.LibraryWeek;
import dev.lectern.ui.reading.ReadingFocus;
import dev.lectern.ui.settings.Settings;
import dev.lectern.ui.transfer.CourseExport;
import dev.lectern.ui.transfer.CourseImport;
import dev.lectern.ui.transfer.DeckImport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window: the open course, the library (grouped by week and session, filtered by tag), the
 * selected reading as rendered HTML, its question sets, the loader's problems, search, theme and zoom. Long work
 * runs on the background executor and results are applied on the UI executor, so the window stays usable.
 */
public final class MainViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 3.0;
    /** How long file changes must be quiet before the course reloads. */
    static final long RELOAD_QUIET_MILLIS = 250;
    /** Longest the lists and the index of the first course wait for its first reading to be on screen. */
    static final long FIRST_READING_WAIT = 3;

    private final Background tasks;
    private final Executor ui;
    private final DialogService dialogs;
    private final ObservableList<Path> recentCourses = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<Course> course = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyList<Problem> problems = new ReadOnlyList<>();
    private final ReadOnlyList<String> tags = new ReadOnlyList<>();
    private final ObjectProperty<String> tagFilter = new SimpleObjectProperty<>();
    private final ReadOnlyList<LibraryWeek> library = new ReadOnlyList<>();
    private final ReadOnlyObjectWrapper<Reading> selectedReading = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper readingHtml = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ReadingFocus> readingFocus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyList<QuestionSet> questionSets = new ReadOnlyList<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SearchResults> searchResults = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Problem> selectedProblem = new ReadOnlyObjectWrapper<>();

    private final AtomicLong loadGeneration = new AtomicLong();
    private final CourseSearch courseSearch;
    private volatile CompletableFuture<?> indexingGate = CompletableFuture.completedFuture(null);
    private volatile ReadingRenderer renderer;
    private CourseWatcher watcher;
    /** A reading rendered in the background, used once if it is still what is asked for. */
    private PreparedCourse.RenderedReading preRendered;
    private Path watchedRoot;
    /** The newest openCourse's result: a load it overtook completes with it. */
    private volatile CompletableFuture<LoadedCourse> newestLoad = CompletableFuture.completedFuture(null);
    private String wantedReadingId;
    /** Done once the first reading is on screen, or at once when no view waits for it (see waitForFirstReading). */
    private volatile CompletableFuture<Void> firstReadingShown = CompletableFuture.completedFuture(null);

    private final CourseImport imports;
    private final DeckImport deckImport;

    public MainViewModel(Executor background, Executor ui, DialogService dialogs) {
        this.tasks = new Background(background, ui);
        this.ui = ui;
        this.dialogs = dialogs;
        this.imports = new CourseImport(background, ui, dialogs, course::get, this::reload);
        this.deckImport = new DeckImport(background, ui, dialogs, course::get, selectedReading::get, this::reload);
        this.courseSearch = new CourseSearch(this::inBackground, ui, searchResults::set);
        tagFilter.addListener((obs, old, now) -> rebuildLibrary());
        theme.addListener((obs, old, now) -> renderSelected());
        query.addListener((obs, old, now) -> courseSearch.search(now));
    }

    // ---- state, read-only to the view ----

    /** File > Export of the open course and reading; exams (for their reports) come from {@code finishedExams}. */
    public CourseExport exports(java.util.function.Supplier<java.util.List<dev.lectern.study.Exam>> finishedExams) {
        return new CourseExport(tasks.work(), ui, dialogs, course::get, selectedReading::get, finishedExams,
                java.time.ZoneId.systemDefault());
    }

    /** File > Import > PDF Slide Deck, with its progress for the status line. */
    public DeckImport deckImport() {
        return deckImport;
    }

    /** File > Import into the open course. */
    public CourseImport imports() {
        return imports;
    }

    public ReadOnlyObjectProperty<Course> courseProperty() {
        return course.getReadOnlyProperty();
    }

    public ObservableList<Problem> problems() {
        return problems.view();
    }

    public ObservableList<String> tags() {
        return tags.view();
    }

    /** The tag the library is filtered by; null shows every reading. */
    public ObjectProperty<String> tagFilterProperty() {
        return tagFilter;
    }

    public ObservableList<LibraryWeek> library() {
        return library.view();
    }

    public ReadOnlyObjectProperty<Reading> selectedReadingProperty() {
        return selectedReading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readingHtmlProperty() {
        return readingHtml.getReadOnlyProperty();
    }

    /**
     * Where the view should take the reader in the reading on show, and the words to mark there: set when a search
     * hit is opened, null when the reading is opened any other way.
     */
    public ReadOnlyObjectProperty<ReadingFocus> readingFocusProperty() {
        return readingFocus.getReadOnlyProperty();
    }

    public ObservableList<QuestionSet> questionSets() {
        return questionSets.view();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyObjectProperty<SearchResults> searchResultsProperty() {
        return searchResults.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Recently opened course folders, most recent first. */
    public ObservableList<Path> recentCourses() {
        return recentCourses;
    }

    public ReadOnlyObjectProperty<Problem> selectedProblemProperty() {
        return selectedProblem.getReadOnlyProperty();
    }

    // ---- actions ----

    /**
     * Called by a view before the first course opens: the library, the lists and the search index of that course
     * are then filled in only once the view reports {@link #readingShown()} (or after {@link #FIRST_READING_WAIT}
     * seconds at most), so that nothing competes with putting the first reading on screen.
     */
    public void waitForFirstReading() {
        if (course.get() == null) {
            firstReadingShown = new CompletableFuture<Void>().completeOnTimeout(null, FIRST_READING_WAIT, TimeUnit.SECONDS);
        }
    }

    /** The view has the selected reading on screen, or will not have one to wait for. */
    public void readingShown() {
        firstReadingShown.complete(null);
    }

    /** Runs {@code work} on the UI executor once the first reading is on screen (see {@link #waitForFirstReading}). */
    public void whenFirstReadingShown(Runnable work) {
        firstReadingShown.thenRun(() -> ui.execute(work));
    }

    /**
     * Opens a course folder: loads it in the background, then shows it and selects {@code readingId} (or, for the
     * course already open, the current reading; for another, the reading left open in it this session; else the first
     * reading). Completes on the UI executor.
     */
    public CompletableFuture<LoadedCourse> openCourse(Path dir, Optional<String> readingId) {
        return openCourse(dir, readingId, null);
    }

    /**
     * Opens a course whose loading may already be under way (started before the window, to overlap JavaFX's own
     * start-up, see {@link PreparedCourse#prepare}); {@code alreadyPreparing} null means load it now.
     */
    public CompletableFuture<LoadedCourse> openCourse(Path dir, Optional<String> readingId,
            CompletableFuture<PreparedCourse> alreadyPreparing) {
        if (!dev.lectern.files.DefaultCourse.looksLikeCourse(dir)) {
            dialogs.showError("Not a course folder", dir + " has no readings/ or questions/ folder, so it is not a"
                    + " Lectern course. The course that was open stays open.");
            recentCourses.remove(dir);
            return CompletableFuture.completedFuture(null);
        }
        long generation = loadGeneration.incrementAndGet();
        busy.set(true);
        status.set("Loading " + dir.getFileName() + "…");
        Course open = course.get();
        boolean sameCourse = open != null && key(open.root()).equals(key(dir));
        // Another course opens on the reading left open in it this session (else its first); a reload keeps its own.
        wantedReadingId = readingId.orElse(sameCourse ? wantedReadingId : readingLeftOpen.get(key(dir)));
        String wanted = wantedReadingId;
        Theme currentTheme = theme.get();
        CompletableFuture<LoadedCourse> done = new CompletableFuture<>();
        newestLoad = done;
        if (alreadyPreparing != null && alreadyPreparing.isDone() && !alreadyPreparing.isCompletedExceptionally()) {
            // Called on the UI thread, and all is ready: show it now rather than after two hand-overs.
            show(alreadyPreparing.join(), generation, done);
            return done;
        }
        inBackground("Loading the course", () -> {
            PreparedCourse prepared = null;
            if (alreadyPreparing != null) {
                try {
                    prepared = alreadyPreparing.join();
                } catch (CompletionException | CancellationException e) {
                    LOG.debug("preparing the course early failed; loading it again", e);
                }
            }
            if (prepared == null) {
                try {
                    prepared = PreparedCourse.prepare(dir, Optional.ofNullable(wanted), currentTheme);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    throw e;
                }
            }
            PreparedCourse ready = prepared;
            ui.execute(() -> show(ready, generation, done));
        });
        return done;
    }

    /** Shows a prepared course, unless a later openCourse has overtaken it; on the UI thread. */
    private void show(PreparedCourse ready, long generation, CompletableFuture<LoadedCourse> done) {
        if (generation != loadGeneration.get()) {
            // overtaken (a file changed again, or another course was opened): done when what overtook it is shown
            newestLoad.whenComplete((loaded, failure) -> done.complete(loaded != null ? loaded : ready.loaded()));
            return;
        }
        renderer = ready.renderer();
        preRendered = ready.first();
        apply(ready.loaded(), generation);
        afterFirstReading(() -> {
            if (generation == loadGeneration.get()) {
                watch(ready.loaded().course().root());
            }
        });
        done.complete(ready.loaded());
    }

    /** Reloads the open course after files changed on disk, keeping the selected reading and search. */
    public CompletableFuture<LoadedCourse> reload() {
        Course current = course.get();
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        Reading selected = selectedReading.get();
        return openCourse(current.root(), Optional.ofNullable(selected).map(Reading::id));
    }

    /** Shows a reading from its top, without marks (as when chosen in the library). */
    public void selectReading(String id) {
        readingFocus.set(null);
        select(id);
    }

    private void select(String id) {
        wantedReadingId = id;
        Course c = course.get();
        Reading reading = c == null ? null : c.reading(id).orElse(null);
        if (reading != null) {
            readingLeftOpen.put(key(c.root()), id);
        }
        selectedReading.set(reading);
        questionSets.setAll(reading == null || c == null ? List.of() : c.questionSetsFor(reading));
        renderSelected();
    }

    public void selectProblem(Problem problem) {
        selectedProblem.set(problem);
    }

    /** Where a problem is, in words for the status line: "readings/llava.md, line 3, column 5". */
    public String describeLocation(Problem problem) {
        Course c = course.get();
        Path file = problem.file();
        String shown = c != null && file.startsWith(c.root()) ? c.root().relativize(file).toString() : file.toString();
        return shown + ", line " + problem.line() + ", column " + problem.column();
    }

    /** The reading a problem is about, if its file is a reading that loaded. */
    public Optional<Reading> readingOf(Problem problem) {
        Course c = course.get();
        if (c == null) {
            return Optional.empty();
        }
        return c.readings().stream().filter(r -> r.source().file().equals(problem.file())).findFirst();
    }

    /**
     * Opens a search hit: the reading itself, at the slide or section of the match with its words marked (see
     * {@link #readingFocusProperty}); or for a question, the reading its set drills, as from the library.
     */
    public Optional<Reading> open(SearchHit hit) {
        String readingId = hit.readingId();
        if (hit.kind() == HitKind.QUESTION && readingId.isEmpty()) {
            return Optional.empty();
        }
        // Cleared first, so that opening the same hit again scrolls to it again.
        readingFocus.set(null);
        select(readingId);
        Reading reading = selectedReading.get();
        readingFocus.set(ReadingFocus.of(reading, hit).orElse(null));
        return Optional.ofNullable(reading);
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, Math.round((zoom.get() + 0.1) * 10) / 10.0));
    }

    public void zoomOut() {
        zoom.set(Math.max(MIN_ZOOM, Math.round((zoom.get() - 0.1) * 10) / 10.0));
    }

    public void zoomReset() {
        zoom.set(1.0);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        courseSearch.close();
    }

    // ---- internals ----

    /** Runs work in the background; a failure is logged and said in the status line, never lost or thrown. */
    private void inBackground(String what, Runnable work) {
        tasks.run(work::run, () -> { }, e -> {
            LOG.warn("{} failed", what, e);
            readingShown();
            busy.set(false);
            status.set(what + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
    }

    /** The reading left open in each course opened this session, by the course folder. */
    private final Map<Path, String> readingLeftOpen = new HashMap<>();

    private static Path key(Path courseDir) {
        return courseDir.toAbsolutePath().normalize();
    }

    private void apply(LoadedCourse loaded, long generation) {
        Course c = loaded.course();
        Course before = course.get();
        course.set(c);
        // The reading first: the rest waits until it is on screen (see waitForFirstReading).
        String wanted = wantedReadingId;
        Optional<Reading> lastGood = brokenOnShow(before, selectedReading.get(), loaded, wanted);
        if (lastGood.isPresent()) {
            // A typo broke the reading on show: keep its last good version on screen (also through further loads
            // while it stays broken), and come back to it when it is fixed.
            readingShown();
        } else {
            showWanted(c, wanted);
        }
        afterFirstReading(() -> {
            if (generation != loadGeneration.get()) {
                return;
            }
            recentCourses.remove(c.root());
            recentCourses.add(0, c.root());
            if (recentCourses.size() > Settings.MAX_RECENT) {
                recentCourses.remove(Settings.MAX_RECENT, recentCourses.size());
            }
            problems.setAll(loaded.problems());
            TreeSet<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            c.readings().forEach(r -> allTags.addAll(r.tags()));
            tags.setAll(allTags);
            if (tagFilter.get() != null && !allTags.contains(tagFilter.get())) {
                tagFilter.set(null);
            }
            rebuildLibrary();
            busy.set(false);
            status.set(summary(loaded) + lastGood.map(r -> " " + c.root().relativize(r.source().file())
                    + " has a problem: its last good version stays on screen until it is fixed.").orElse(""));
            buildIndex(c, generation);
        });
    }

    /** Shows {@code wanted}, or the first reading when the course has no such reading. */
    private void showWanted(Course c, String wanted) {
        if (wanted == null || c.reading(wanted).isEmpty()) {
            wanted = c.readings().isEmpty() ? null : c.readings().get(0).id();
        }
        if (wanted == null) {
            selectedReading.set(null);
            readingFocus.set(null);
            questionSets.clear();
            setHtml("");
            readingShown();
        } else {
            // A reload of the reading on show keeps its marks; another reading starts without.
            ReadingFocus kept = readingFocus.get();
            if (kept != null && !kept.readingId().equals(wanted)) {
                readingFocus.set(null);
            }
            select(wanted);
        }
    }

    /**
     * The reading on show as it was before this load, when the load left it out because its file has a problem now
     * (the same course, the same file, an error in it); empty otherwise.
     */
    private static Optional<Reading> brokenOnShow(Course before, Reading shown, LoadedCourse loaded, String wanted) {
        if (before == null || shown == null || wanted == null || !shown.id().equals(wanted)
                || loaded.course().reading(wanted).isPresent() || !before.root().equals(loaded.course().root())) {
            return Optional.empty();
        }
        return Optional.of(shown).filter(r -> loaded.problems().stream()
                .anyMatch(p -> p.severity() == dev.lectern.course.Severity.ERROR
                        && p.file().toAbsolutePath().normalize().equals(r.source().file().toAbsolutePath().normalize())));
    }

    /** Runs work on the UI executor once the first reading is on screen; at once when nothing is waited for. */
    private void afterFirstReading(Runnable work) {
        if (firstReadingShown.isDone()) {
            work.run();
        } else {
            firstReadingShown.thenRun(() -> ui.execute(work));
        }
    }

    static String summary(LoadedCourse loaded) {
        Course c = loaded.course();
        String text = Messages.plural(c.readings().size(), "reading") + ", "
                + Messages.plural(c.questionSets().size(), "question set") + ", "
                + Messages.plural(c.questionCount(), "question");
        if (loaded.errorCount() > 0 || loaded.warningCount() > 0) {
            text += " — " + Messages.plural(loaded.errorCount(), "error") + ", "
                    + Messages.plural(loaded.warningCount(), "warning") + " (see Problems)";
        }
        return text;
    }

    private void rebuildLibrary() {
        Course c = course.get();
        if (c == null) {
            library.clear();
            return;
        }
        library.setAll(LibraryWeek.weeksOf(c, tagFilter.get()));
    }

    private void renderSelected() {
        Reading reading = selectedReading.get();
        ReadingRenderer r = renderer;
        if (reading == null || r == null) {
            setHtml("");
            return;
        }
        PreparedCourse.RenderedReading ready = preRendered;
        preRendered = null;
        if (ready != null && ready.reading().equals(reading) && ready.theme() == theme.get()) {
            setHtml(ready.html());
            return;
        }
        try {
            setHtml(r.render(reading, theme.get()));
        } catch (RuntimeException e) {
            LOG.warn("rendering {} failed", reading.id(), e);
            setHtml("<!DOCTYPE html><html><body><p>This reading could not be shown: "
                    + org.jsoup.nodes.Entities.escape(String.valueOf(e.getMessage())) + "</p></body></html>");
        }
    }

    /** Only a changed document reaches the view, so a reload that did not touch the open reading keeps its place. */
    private void setHtml(String html) {
        if (!html.equals(readingHtml.get())) {
            readingHtml.set(html);
        }
    }

    /**
     * Builds the search index of each course only once {@code gate} completes (the app: once the first reading is on
     * screen, so the index does not compete with it); at once without this.
     */
    public void deferIndexingUntil(CompletableFuture<?> gate) {
        indexingGate = gate;
    }

    private void buildIndex(Course c, long generation) {
        status.set(status.get() + " — indexing for search…");
        busy.set(true);
        indexingGate.whenComplete((done, failure) -> inBackground("Indexing for search", () -> {
            CourseIndex built = CourseIndex.build(c);
            ui.execute(() -> {
                if (generation != loadGeneration.get()) {
                    built.close();
                    return;
                }
                busy.set(false);
                courseSearch.replaceIndex(built);
                status.set(status.get().replace(" — indexing for search…", ""));
                if (!query.get().isBlank()) {
                    courseSearch.search(query.get());
                }
            });
        }));
    }

    private void watch(Path root) {
        if (watcher != null && root.equals(watchedRoot)) {
            return;
        }
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        try {
            watcher = CourseWatcher.watch(root, () -> ui.execute(this::reload), RELOAD_QUIET_MILLIS);
            watchedRoot = root;
        } catch (IOException e) {
            LOG.warn("cannot watch {} for changes: {}", root, e.getMessage());
        }
    }
}
