package dev.lectern.ui;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Signal;
import dev.lectern.grading.Span;
import dev.lectern.grading.Verdict;
import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.FakeProgress;
import dev.lectern.ui.drill.DrillServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What drill view-model tests share: the bundled course (read, never changed) and services they control. */
public final class DrillFixture {

    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    /** Loaded once: drills only read the course. */
    private static Course bundled;

    public final Course course;
    public final UiQueue ui = new UiQueue();
    public final ManualClock clock = new ManualClock(T0);
    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final FakeProgress progress;
    public final ExamStore exams;

    public DrillFixture(Path dir) {
        course = bundledCourse();
        progress = new FakeProgress(dir.resolve("data"));
        exams = progress.exams();
    }

    private static synchronized Course bundledCourse() {
        if (bundled == null) {
            bundled = CourseLoader.load(Path.of("").toAbsolutePath()).course();
        }
        return bundled;
    }

    public DrillServices services(dev.lectern.grading.GradingService grading) {
        return new DrillServices(grading, progress, dialogs, Runnable::run, ui, clock);
    }

    /**
     * A grader with rules a test can rely on: the reference answer itself is correct with every key point covered
     * (its evidence the first word), an answer saying "partly" is partial, anything else incorrect.
     */
    public static Grade grade(AnswerKey key, String answer) {
        boolean exact = answer.strip().equals(key.referenceAnswer().strip());
        boolean partly = answer.toLowerCase(Locale.ROOT).contains("partly");
        int firstWord = Math.max(0, answer.indexOf(' '));
        List<KeyPointResult> points = key.keyPoints().stream().map(k -> new KeyPointResult(k, exact, exact ? 0.9 : 0.1,
                exact ? List.of(new Span(0, firstWord)) : List.of())).toList();
        int score = exact ? 100 : partly ? 50 : 0;
        Verdict verdict = exact ? Verdict.CORRECT : partly ? Verdict.PARTIAL : Verdict.INCORRECT;
        return new Grade(score, verdict, points, exact ? "Every key point covered." : "Key points missed.",
                List.of(new Signal("exact", "the answer is the reference answer", exact ? 1 : 0, exact ? 2.5 : -1.0)));
    }
}
