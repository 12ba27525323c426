package dev.lectern.ui.drill;

import dev.lectern.grading.GradingService;
import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.Progress;
import dev.lectern.ui.Background;
import dev.lectern.ui.DialogService;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the drill view models work with: the grader, the student's progress (where outcomes and exams go, and where
 * card states and scheduler settings come from), dialogs, where work runs, and the clock (tests pass a clock they
 * move by hand). The clock's time zone decides where a day starts for statistics and the daily limit of new
 * questions.
 *
 * @param background runs file writes off the UI thread
 * @param ui         runs on the UI thread; every property change goes through it
 */
public record DrillServices(GradingService grading, Progress progress, DialogService dialogs, Executor background,
        Executor ui, Clock clock) {

    public DrillServices {
        Objects.requireNonNull(grading);
        Objects.requireNonNull(progress);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(background);
        Objects.requireNonNull(ui);
        Objects.requireNonNull(clock);
    }

    /** Runs work in the background and hands its result or failure to the UI thread. */
    public Background tasks() {
        return new Background(background, ui);
    }

    /**
     * These services for one drill: its reviews and exams go to the progress of the course open now, also when the
     * student opens another course while one is being saved.
     */
    public DrillServices pinned() {
        Progress now = progress.pinned();
        return now == progress ? this : new DrillServices(grading, now, dialogs, background, ui, clock);
    }

    /** Where exams are kept: the progress store's. */
    public ExamStore exams() {
        return progress.exams();
    }
}
