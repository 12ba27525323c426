package dev.lectern.ui.statistics;

import dev.lectern.course.Course;
import dev.lectern.study.DrillPlans;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.study.Exam;
import dev.lectern.study.GraderOverrides;
import dev.lectern.study.StudyStatistics;
import dev.lectern.ui.Messages;
import dev.lectern.ui.ReadOnlyList;
import dev.lectern.ui.drill.Drill;
import dev.lectern.ui.drill.DrillServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics: reviews per day over the last 30, 90 or 365 days, the reviews falling due in the next 30 days, true
 * retention by week, mastery per reading, streaks and totals, and the finished exams. Computed in the background
 * from the review log and the card states; plain lists a view draws as charts. Also exports the review log as CSV.
 */
public final class StatisticsViewModel implements Drill {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsViewModel.class);
    /** The spans the reviews-per-day chart offers. */
    public static final List<Integer> SPANS = List.of(30, 90, 365);

    private final DrillServices services;
    private final Course course;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StudyStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty days = new SimpleIntegerProperty(30);
    private final ReadOnlyList<StudyStatistics.DayCount> reviewsPerDay = new ReadOnlyList<>();
    private final ReadOnlyList<StudyStatistics.DayCount> dueForecast = new ReadOnlyList<>();
    private final ReadOnlyList<StudyStatistics.WeekRetention> retention = new ReadOnlyList<>();
    private final ReadOnlyList<StudyStatistics.ReadingMastery> mastery = new ReadOnlyList<>();
    private final ReadOnlyList<Exam> exams = new ReadOnlyList<>();
    private final ReadOnlyStringWrapper streaks = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper kept = new ReadOnlyStringWrapper("");
    private List<String> keptCards = List.of();
    private final ReadOnlyStringWrapper examSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retentionNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backups = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overrides = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;
    private boolean closed;

    /** Starts computing the figures at once. */
    public StatisticsViewModel(DrillServices services, Course course) {
        this.services = services;
        this.course = course;
        days.addListener((obs, old, now) -> showDays());
        refresh();
    }

    @Override
    public String title() {
        return "Statistics";
    }

    /** "152 reviews", once computed. */
    @Override
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the figures are being computed. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** All the figures; null until computed. */
    public ReadOnlyObjectProperty<StudyStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    /** How many days the reviews-per-day chart covers: 30, 90 or 365. */
    public IntegerProperty daysProperty() {
        return days;
    }

    /** Reviews per day over the last {@link #daysProperty()} days, oldest first, ending today. */
    public ObservableList<StudyStatistics.DayCount> reviewsPerDay() {
        return reviewsPerDay.view();
    }

    /** Reviews falling due on each of the next 30 days (today includes the overdue). */
    public ObservableList<StudyStatistics.DayCount> dueForecast() {
        return dueForecast.view();
    }

    /** The progress database's backups, one a line (name, time, size, reviews), and how to restore one. */
    public ReadOnlyStringProperty backupsProperty() {
        return backups.getReadOnlyProperty();
    }

    /**
     * How often the student overrode the grader, one line per question set ("Segment Anything: 3 of 20 graded answers
     * (15%)"), or why there is nothing to show.
     */
    public ReadOnlyStringProperty overridesProperty() {
        return overrides.getReadOnlyProperty();
    }

    /** Why the retention chart is empty (when it is), else "". */
    public ReadOnlyStringProperty retentionNoteProperty() {
        return retentionNote.getReadOnlyProperty();
    }

    /** True retention per week, oldest first. */
    public ObservableList<StudyStatistics.WeekRetention> retentionByWeek() {
        return retention.view();
    }

    /** Mastery per reading, in course order. */
    public ObservableList<StudyStatistics.ReadingMastery> mastery() {
        return mastery.view();
    }

    /** Finished exams, newest first. */
    public ObservableList<Exam> exams() {
        return exams.view();
    }

    /** "Streak: 3 days (longest 12 days)". */
    public ReadOnlyStringProperty streaksProperty() {
        return streaks.getReadOnlyProperty();
    }

    /**
     * A note naming the questions whose history is kept though the course no longer has them (renamed or removed);
     * empty when there are none.
     */
    public ReadOnlyStringProperty keptProperty() {
        return kept.getReadOnlyProperty();
    }

    /** "152 reviews of 40 questions". */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** "3 exams; last: 75% on Week 2". */
    public ReadOnlyStringProperty examSummaryProperty() {
        return examSummary.getReadOnlyProperty();
    }

    /** A line for the student: the figures could not be computed, or the export went well or failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Computes the figures again, in the background. */
    public void refresh() {
        long mine = ++generation;
        loading.set(true);
        Instant now = services.clock().instant();
        services.tasks().supply(() -> {
            List<ReviewRecord> log = services.progress().allReviews();
            return new Figures(compute(log, now), services.exams().finished(), backupLines(), overrideLines(log));
        }, figures -> {
            if (!closed && mine == generation) {
                show(figures.statistics(), figures.finished());
                backups.set(figures.backups());
                overrides.set(figures.overrides());
            }
        }, e -> {
            LOG.warn("computing the statistics failed", e);
            if (!closed && mine == generation) {
                loading.set(false);
                message.set("The statistics could not be computed: " + Messages.reason(e));
            }
        });
    }

    /** What {@link #refresh()} reads in the background. */
    private record Figures(StudyStatistics statistics, List<Exam> finished, String backups, String overrides) {
    }

    private String overrideLines(List<ReviewRecord> log) {
        List<GraderOverrides.SetRate> rates = GraderOverrides.perSet(log);
        if (rates.isEmpty()) {
            return "No graded answers yet: when you mark a grade correct, partial or incorrect in practice or an"
                    + " exam, it counts here, and the grader compares your later answers to that question with it.";
        }
        Map<String, String> titles = new HashMap<>();
        if (course != null) {
            course.questionSets().forEach(set -> titles.put(set.id(), set.title()));
        }
        StringBuilder out = new StringBuilder();
        for (GraderOverrides.SetRate rate : rates) {
            out.append(titles.getOrDefault(rate.setId(), rate.setId())).append(": ").append(rate.overridden())
                    .append(" of ").append(Messages.plural(rate.graded(), "graded answer")).append(" (")
                    .append(Math.round(rate.share() * 100)).append("%)\n");
        }
        return out.append("A set you often mark otherwise may need better reference answers or key points: tell its"
                + " instructor.").toString();
    }

    /** The backups, newest first, one a line, and how to restore one; a backup that cannot be listed is no failure. */
    private String backupLines() {
        List<dev.lectern.store.BackupFile> found;
        try {
            found = services.progress().backups();
        } catch (RuntimeException e) {
            LOG.info("the backups could not be listed: {}", e.getMessage());
            return "The backups could not be listed: " + Messages.reason(e);
        }
        if (found.isEmpty()) {
            return "No backups yet: Lectern takes one at the first start of each day and when a session that added"
                    + " reviews closes.";
        }
        StringBuilder out = new StringBuilder();
        found.forEach(b -> out.append(b.describe(services.clock().getZone())).append('\n'));
        return out.append("To go back to one: close Lectern and run lectern restore ")
                .append(found.get(0).file().getParent()).append("/NAME.").toString();
    }

    private StudyStatistics compute(List<ReviewRecord> log, Instant now) {
        List<StudyStatistics.ReadingCards> readings = course == null ? List.of() : DrillPlans.readingCards(course);
        java.util.Map<dev.lectern.scheduling.CardKey, dev.lectern.scheduling.CardState> states =
                services.progress().cardStates();
        keptCards = course == null ? List.of() : DrillPlans.notInCourse(course, states.keySet());
        return StudyStatistics.compute(log, states, readings, now,
                services.clock().getZone());
    }

    /** Asks where to write the review log, then writes it there as CSV in the background. */
    public void exportReviewLog() {
        Optional<Path> out = services.dialogs().chooseSaveFile("Export Review Log", "lectern-reviews.csv");
        out.ifPresent(this::exportReviewLog);
    }

    /** Writes the review log to {@code out} as CSV, in the background; the message says how it went. */
    public void exportReviewLog(Path out) {
        message.set("Exporting the review log…");
        services.tasks().supply(() -> services.progress().exportCsv(out),
                rows -> message.set(Messages.plural(rows, "review") + " exported to " + out + "."), e -> {
                    LOG.warn("exporting the review log to {} failed", out, e);
                    message.set("The review log could not be exported to " + out + ": " + Messages.reason(e));
                });
    }

    @Override
    public void close() {
        closed = true;
    }

    // ---- internals ----

    private void show(StudyStatistics s, List<Exam> finished) {
        statistics.set(s);
        dueForecast.setAll(s.dueForecast());
        retention.setAll(s.retentionByWeek());
        retentionNote.set(!s.retentionByWeek().isEmpty() ? "" : s.totalReviews() == 0
                ? "No retention yet: nothing has been reviewed."
                : "No retention yet: it counts the reviews of questions that have finished their learning steps and"
                        + " came back when due, and none has so far. Keep reviewing: it shows after a few days.");
        mastery.setAll(s.mastery());
        exams.setAll(finished);
        streaks.set("Streak: " + Messages.plural(s.currentStreak(), "day") + " (longest "
                + Messages.plural(s.longestStreak(), "day") + ")");
        totals.set(Messages.plural(s.totalReviews(), "review") + " of " + Messages.plural(s.cardsStudied(), "question"));
        kept.set(keptCards.isEmpty() ? "" : "History is kept for " + Messages.plural(keptCards.size(), "question")
                + " no longer in the course (renamed or removed); it counts again if they return: "
                + String.join(", ", keptCards) + ".");
        examSummary.set(finished.isEmpty() ? "No finished exams yet."
                : Messages.plural(finished.size(), "finished exam") + "; the last: " + finished.get(0).total().percent()
                        + "% on " + finished.get(0).title() + ".");
        progress.set(Messages.plural(s.totalReviews(), "review"));
        loading.set(false);
        showDays();
    }

    private void showDays() {
        StudyStatistics s = statistics.get();
        if (s == null) {
            return;
        }
        List<StudyStatistics.DayCount> all = s.reviewsPerDay();
        int n = Math.max(1, Math.min(days.get(), all.size()));
        reviewsPerDay.setAll(all.subList(all.size() - n, all.size()));
    }
}
