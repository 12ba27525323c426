package dev.lectern.ui;

import dev.lectern.grading.GradingService;
import dev.lectern.review.ReviewLog;
import dev.lectern.store.ExamStore;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the drill view models work with: the grader, where outcomes and exams go, dialogs, where work runs, and the
 * clock (tests pass a clock they move by hand).
 *
 * @param background runs file writes off the UI thread
 * @param ui         runs on the UI thread; every property change goes through it
 */
public record DrillServices(GradingService grading, ReviewLog reviews, ExamStore exams, DialogService dialogs,
        Executor background, Executor ui, Clock clock) {

    public DrillServices {
        Objects.requireNonNull(grading);
        Objects.requireNonNull(reviews);
        Objects.requireNonNull(exams);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(background);
        Objects.requireNonNull(ui);
        Objects.requireNonNull(clock);
    }
}
