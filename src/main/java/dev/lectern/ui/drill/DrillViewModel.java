package dev.lectern.ui.drill;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.SaveResult;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.Exam;
import dev.lectern.study.ExamSetup;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.exam.ExamHistoryViewModel;
import dev.lectern.ui.drill.exam.ExamViewModel;
import dev.lectern.ui.drill.flashcards.FlashcardViewModel;
import dev.lectern.ui.drill.practice.PracticeViewModel;
import dev.lectern.ui.drill.review.ReviewViewModel;
import dev.lectern.ui.statistics.StatisticsViewModel;
import dev.lectern.ui.transfer.ReportingProgress;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and ends drills: practice, flashcards or an exam on a question set, a reading, a week or the whole course;
 * offers to resume an unfinished exam; lists past exams; reviews what is due; shows the statistics; edits the review
 * settings. The drill on show is {@link #currentProperty()}.
 */
public final class DrillViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrillViewModel.class);
    static final List<String> RESUME_OR_NEW = List.of("Resume", "Discard and Start New", "Cancel");
    static final List<String> RESUME_AT_START = List.of("Resume", "Discard", "Later");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DrillServices services;
    private final RandomGenerator random;
    private final ObjectProperty<Course> course = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyObjectWrapper<Drill> current = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding active = current.isNotNull();
    private final ReadOnlyStringWrapper dueSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveProblem = new ReadOnlyStringWrapper("");
    private long dueGeneration;
    private AnswerRenderer renderer;
    private Path rendererRoot;

    /** @param random draws exam questions and shuffles drills over more than one set */
    public DrillViewModel(DrillServices services, RandomGenerator random) {
        this.services = new DrillServices(services.grading(),
                new ReportingProgress(services.progress(), result -> services.ui().execute(() -> saved(result))),
                services.dialogs(), services.background(), services.ui(), services.clock());
        this.random = random;
        course.addListener((obs, old, now) -> {
            if (old != null && now != null && !old.info().id().equals(now.info().id())) {
                // Another course, with progress of its own: a drill or the statistics of the last one would mix them.
                closeDrill();
            }
            refreshDue();
        });
    }

    /** The course drills draw from; bound to the open course. */
    public ObjectProperty<Course> courseProperty() {
        return course;
    }

    /** The theme reference answers and results are rendered in; bound to the window's theme. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The drill on show, or null when the reading is. */
    public ReadOnlyObjectProperty<Drill> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public BooleanBinding activeProperty() {
        return active;
    }

    /**
     * Why the last review could not be saved, in any drill, with how many are kept until they can be; empty when
     * everything is saved.
     */
    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /** Tries again to save the reviews kept in memory. */
    public void retrySaving() {
        services.tasks().run(services.progress()::retryPending, () -> { }, e -> {
            LOG.warn("saving the kept reviews failed", e);
            saveProblem.set("The reviews could not be saved: " + Messages.reason(e));
        });
    }

    private void saved(SaveResult result) {
        if (result.saved()) {
            saveProblem.set(result.message()); // Saved, with something to tell (the file was deleted, say), or not.
            refreshDue(); // The status line's counts follow every review, not only the end of a drill.
            return;
        }
        String why = result.message().isBlank() ? "Your review could not be saved." : result.message();
        saveProblem.set(why + (result.pending() == 1 ? " 1 review is waiting." : " " + result.pending()
                + " reviews are waiting."));
    }

    /** Finished exams, newest first (read from the progress store: call off the UI thread where it matters). */
    public List<Exam> finishedExams() {
        return services.exams().finished();
    }

    /** "12 due · 5 new" for the whole course, for the status line; empty without a course or before it is counted. */
    public ReadOnlyStringProperty dueSummaryProperty() {
        return dueSummary.getReadOnlyProperty();
    }

    /**
     * Review on a scope: the due questions, most overdue first, then new ones up to the day's limit. Says so when
     * nothing is due.
     */
    public void startReview(DrillScope scope) {
        questions(scope).ifPresent(items -> {
            try {
                show(new ReviewViewModel(services.pinned(), describe(scope), items, renderer(), theme));
            } catch (RuntimeException e) {
                LOG.warn("the review of {} could not start", scope.describe(), e);
                services.dialogs().showError("Review", "The review could not start: " + Messages.reason(e));
            }
        });
    }

    /** Shows the statistics of the open course, computed in the background. */
    public void showStatistics() {
        show(new StatisticsViewModel(services.pinned(), course.get()));
    }

    /** Asks where to write the review log, and writes it as CSV. */
    public void exportReviewLog() {
        if (current.get() instanceof StatisticsViewModel stats) {
            stats.exportReviewLog();
            return;
        }
        services.dialogs().chooseSaveFile("Export Review Log", "lectern-reviews.csv").ifPresent(out ->
                services.tasks().supply(() -> services.progress().exportCsv(out),
                        rows -> services.dialogs().showInformation("Review log exported",
                                Messages.plural(rows, "review") + " exported to " + out + "."),
                        e -> {
                            LOG.warn("exporting the review log to {} failed", out, e);
                            services.dialogs().showError("Review log not exported",
                                    "The review log could not be written to " + out + ": " + Messages.reason(e));
                        }));
    }

    /** Shows the review settings and saves what the student changes; both are read and written in the background. */
    public void editReviewSettings() {
        services.tasks().supply(services.progress()::schedulerSettings, this::askReviewSettings, e -> {
            LOG.warn("reading the review settings failed", e);
            services.dialogs().showError("Review Settings",
                    "The review settings could not be read: " + Messages.reason(e));
        });
    }

    private void askReviewSettings(SchedulerSettings now) {
        Optional<SchedulerSettings> changed = services.dialogs().askSchedulerSettings(now);
        if (changed.isEmpty() || changed.get().equals(now)) {
            return;
        }
        // In the background: new retention, interval or fuzz reschedules every question from the review log.
        services.tasks().run(() -> services.progress().saveSchedulerSettings(changed.get()), this::refreshDue, e -> {
            LOG.warn("saving the review settings failed", e);
            services.dialogs().showError("Review Settings",
                    "The review settings could not be saved: " + Messages.reason(e));
        });
    }

    /** Counts again, in the background, what is due in the whole course (after a review, say). */
    public void refreshDue() {
        Course c = course.get();
        long mine = ++dueGeneration;
        if (c == null) {
            dueSummary.set("");
            return;
        }
        List<CardKey> cards = DrillPlans.questions(c, new DrillScope.WholeCourse()).stream().map(DrillItem::card).toList();
        Consumer<String> show = text -> {
            if (mine == dueGeneration) {
                dueSummary.set(text);
            }
        };
        services.tasks().supply(() -> {
            Instant now = services.clock().instant();
            Map<CardKey, CardState> states = services.progress().cardStates();
            SchedulerSettings settings = services.progress().schedulerSettings();
            int allowance = ReviewViewModel.newAllowance(services, settings, now);
            long due = cards.stream().filter(k -> states.containsKey(k) && states.get(k).isDue(now)).count();
            long fresh = DueQueue.build(cards, states, now, allowance).size() - due;
            return due + " due" + (fresh > 0 ? " · " + fresh + " new" : "");
        }, show, e -> {
            LOG.warn("counting the due questions failed", e);
            show.accept("");
        });
    }

    /** Practice on a scope: a set in its own order, anything larger shuffled. */
    public void startPractice(DrillScope scope) {
        questions(scope).ifPresent(items -> show(new PracticeViewModel(services.pinned(), describe(scope), ordered(scope, items),
                renderer(), theme)));
    }

    /** Flashcards on a scope: a set in its own order, anything larger shuffled. */
    public void startFlashcards(DrillScope scope) {
        questions(scope).ifPresent(items -> show(new FlashcardViewModel(services.pinned(), describe(scope),
                ordered(scope, items), renderer(), theme)));
    }

    /**
     * An exam on a scope: offers to resume an unfinished exam first, then asks for the number of questions and a
     * time limit, draws the questions and starts. The saved exams are read and written in the background; the future
     * completes once the exam is on show and saved, or once the student chose not to start one.
     */
    public CompletableFuture<Void> startExam(DrillScope scope) {
        if (course.get() == null) {
            return CompletableFuture.completedFuture(null);
        }
        // An exam on show is saved first, so what is offered for resuming is what the student last typed.
        CompletableFuture<Void> saved = current.get() instanceof ExamViewModel exam ? exam.checkpoint()
                : CompletableFuture.completedFuture(null);
        return saved.handle((ignored, failure) -> null).thenCompose(ignored -> readUnfinished())
                .thenCompose(unfinished -> startExam(scope, unfinished));
    }

    /** The latest unfinished exam, read in the background; the future completes on the UI thread. */
    private CompletableFuture<Optional<Exam>> readUnfinished() {
        CompletableFuture<Optional<Exam>> read = new CompletableFuture<>();
        services.tasks().supply(services.exams()::latestUnfinished, read::complete, e -> {
            LOG.warn("reading the unfinished exam failed", e);
            read.complete(Optional.empty());
        });
        return read;
    }

    private CompletableFuture<Void> startExam(DrillScope scope, Optional<Exam> unfinished) {
        CompletableFuture<Void> discarded = CompletableFuture.completedFuture(null);
        if (unfinished.isPresent()) {
            Optional<String> choice = services.dialogs().choose("Unfinished exam", describeUnfinished(unfinished.get())
                    + " Resume it, or discard it and start a new exam on " + describe(scope) + "?", RESUME_OR_NEW);
            if (choice.filter(RESUME_OR_NEW.get(0)::equals).isPresent()) {
                resume(unfinished.get());
                return discarded;
            }
            if (choice.filter(RESUME_OR_NEW.get(1)::equals).isEmpty()) {
                return discarded;
            }
            discarded = discard(unfinished.get());
        }
        Optional<List<DrillItem>> pool = questions(scope);
        if (pool.isEmpty()) {
            return discarded;
        }
        Optional<ExamSetup> setup = services.dialogs().askExamSetup(describe(scope), pool.get().size());
        if (setup.isEmpty()) {
            return discarded;
        }
        Instant now = services.clock().instant();
        List<DrillItem> drawn = DrillPlans.sample(pool.get(), setup.get().questions(), random);
        String id = "exam-" + ID_TIME.format(now) + "-" + String.format("%04x", random.nextInt(0x10000));
        Exam exam = Exam.start(id, describe(scope), drawn, setup.get().timeLimit(), now);
        ExamViewModel started = new ExamViewModel(services.pinned(), exam, renderer(), theme);
        show(started);
        // Saved in the exam's own order of writes, so that no later save of its answers can be overtaken.
        return CompletableFuture.allOf(discarded, started.checkpoint());
    }

    /**
     * At start-up: if an exam was left unfinished, asks whether to resume it now. The future completes once the
     * student has answered, or at once without an unfinished exam.
     */
    public CompletableFuture<Void> offerToResume() {
        return readUnfinished().thenCompose(this::offerToResume);
    }

    private CompletableFuture<Void> offerToResume(Optional<Exam> unfinished) {
        if (unfinished.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<String> choice = services.dialogs().choose("Resume your exam?", describeUnfinished(unfinished.get())
                + " Resume it now? (Later: Drill > Exam… offers it again.)", RESUME_AT_START);
        if (choice.filter(RESUME_AT_START.get(0)::equals).isPresent()) {
            resume(unfinished.get());
        } else if (choice.filter(RESUME_AT_START.get(1)::equals).isPresent()) {
            return discard(unfinished.get());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Lists the finished exams (read in the background); opening one shows its results. */
    public void showPastExams() {
        services.tasks().supply(services.exams()::finished, finished -> show(new ExamHistoryViewModel(finished,
                exam -> show(new ExamViewModel(services.pinned(), exam, renderer(), theme)))), e -> {
            LOG.warn("reading the past exams failed", e);
            services.dialogs().showError("Past Exams", "The past exams could not be read: " + Messages.reason(e));
        });
    }

    /** Leaves the drill (an exam in progress is saved) and shows the reading again. */
    public void closeDrill() {
        show(null);
    }

    /** The window is closing: an exam in progress is saved so it can be resumed. */
    public void suspend() {
        if (current.get() instanceof ExamViewModel exam) {
            exam.suspend();
        }
    }

    @Override
    public void close() {
        closeDrill();
    }

    /** A scope in a few words for headings: the set's title, the reading's short title, "Week 7". */
    public String describe(DrillScope scope) {
        Course c = course.get();
        if (scope instanceof DrillScope.OfSet s) {
            return c == null ? s.setId() : c.questionSet(s.setId()).map(set -> set.title()).orElse(s.setId());
        }
        if (scope instanceof DrillScope.OfReading r) {
            return c == null ? r.readingId() : c.reading(r.readingId()).map(Reading::shortTitle).orElse(r.readingId());
        }
        if (scope instanceof DrillScope.OfWeek w) {
            return "Week " + w.week();
        }
        return "Whole Course";
    }

    // ---- internals ----

    private Optional<List<DrillItem>> questions(DrillScope scope) {
        Course c = course.get();
        if (c == null) {
            return Optional.empty();
        }
        List<DrillItem> items = DrillPlans.questions(c, scope);
        if (items.isEmpty()) {
            services.dialogs().showInformation("No questions", "There are no questions for " + describe(scope) + ".");
            return Optional.empty();
        }
        return Optional.of(items);
    }

    private List<DrillItem> ordered(DrillScope scope, List<DrillItem> items) {
        return scope instanceof DrillScope.OfSet ? items : DrillPlans.sample(items, items.size(), random);
    }

    private void resume(Exam saved) {
        ExamViewModel exam = new ExamViewModel(services.pinned(), saved.resumed(services.clock().instant()), renderer(), theme);
        show(exam);
        // Time may have run out before the window closed.
        exam.tick();
    }

    /** Deletes a saved exam in the background; a failure is only logged, the exam is offered again later. */
    private CompletableFuture<Void> discard(Exam exam) {
        return CompletableFuture.runAsync(() -> {
            try {
                services.exams().delete(exam.id());
            } catch (IOException | RuntimeException e) {
                LOG.warn("exam {} could not be deleted", exam.id(), e);
            }
        }, services.background());
    }

    private static String describeUnfinished(Exam exam) {
        return "The exam on " + exam.title() + " is not finished: " + exam.answeredCount() + " of "
                + Messages.plural(exam.size(), "question") + " answered" + exam.remaining(exam.sittingStartedAt())
                        .map(left -> ", " + AnswerRenderer.clock(left) + " left").orElse("") + ".";
    }

    private void show(Drill drill) {
        Drill old = current.get();
        if (old != null && old != drill) {
            old.close();
        }
        current.set(drill);
        if (old instanceof ReviewViewModel) {
            refreshDue();
        }
    }

    private AnswerRenderer renderer() {
        Path root = course.get() != null ? course.get().root() : services.exams().folder();
        if (renderer == null || !root.equals(rendererRoot)) {
            renderer = new AnswerRenderer(root);
            rendererRoot = root;
        }
        return renderer;
    }
}
