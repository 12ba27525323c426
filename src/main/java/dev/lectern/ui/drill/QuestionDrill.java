package dev.lectern.ui.drill;

import dev.lectern.store.SaveResult;
import dev.lectern.study.DrillItem;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every drill over a list of questions shares: its heading, the phase it is in, the question on screen and where
 * that is in the drill, a line for the student, a summary once done, and writing reviews off the UI thread before the
 * next question shows.
 *
 * @param <P> the drill's phases
 */
public abstract class QuestionDrill<P extends Enum<P>> implements Drill {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionDrill.class);

    protected final DrillServices services;
    private final String title;
    private final ReadOnlyObjectWrapper<P> phase;
    private final ReadOnlyObjectWrapper<DrillItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** When the question on screen was shown, for the time taken. */
    private Instant shownAt;
    private boolean closed;

    /** @param title the whole heading, e.g. "Practice: LLaVA" */
    protected QuestionDrill(DrillServices services, String title, P first) {
        this.services = services;
        this.title = title;
        this.phase = new ReadOnlyObjectWrapper<>(first);
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public final ReadOnlyObjectProperty<P> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The question on screen; null when none is. */
    public final ReadOnlyObjectProperty<DrillItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** A line for the student: checking, saving, the grader is loading or failed, something could not be shown. */
    public final ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the answers of this drill count towards the schedule, read when it starts. */
    @Override
    public final ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /**
     * Says, once the settings are read in the background, whether answers given in {@code mode} count towards the
     * schedule (Drill > Review Settings… decides for practice, exams and flashcards).
     */
    protected final void noteSchedule(dev.lectern.scheduling.ReviewMode mode) {
        services.tasks().supply(() -> services.progress().schedulerSettings().reschedules(mode), counts -> {
            if (!closed) {
                note.set(counts ? "Your answers here count towards your schedule, as reviews do."
                        : "Your answers here are kept in your history but do not change your schedule (Drill > Review"
                                + " Settings… decides).");
            }
        }, e -> LOG.info("the scheduler settings could not be read: {}", e.getMessage()));
    }

    /** What the drill came to, once it is done. */
    public final ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
    }

    protected final boolean closed() {
        return closed;
    }

    protected final P phase() {
        return phase.get();
    }

    protected final void phase(P now) {
        phase.set(now);
    }

    protected final DrillItem item() {
        return item.get();
    }

    protected final void say(String line) {
        message.set(line);
    }

    /** Shows question {@code index} (from 0) of {@code size}, timed from now, in the phase {@code answering}. */
    protected final void ask(DrillItem question, int index, int size, P answering) {
        ask(question, Messages.progress(index, size), answering);
    }

    /** Shows {@code question} with the counter {@code progressLine}, timed from now, in the phase {@code answering}. */
    protected final void ask(DrillItem question, String progressLine, P answering) {
        item.set(question);
        progress.set(progressLine);
        shownAt = services.clock().instant();
        phase.set(answering);
    }

    /** No question is on screen (an exam's results are). */
    protected final void leaveQuestion() {
        item.set(null);
    }

    /** The drill is done: the progress line and the summary say how it went. */
    protected final void finish(String progressLine, String summaryLine, P done) {
        progress.set(progressLine);
        summary.set(summaryLine);
        phase.set(done);
    }

    /** A fuller summary, once more is known (what comes back when, read in the background); not after closing. */
    protected final void summarize(String summaryLine) {
        if (!closed) {
            summary.set(summaryLine);
        }
    }

    /** The time from showing the question on screen until {@code now}. */
    protected final Duration taken(Instant now) {
        return Duration.between(shownAt, now);
    }

    /**
     * Records {@code outcomes} in the background (the phase is {@code saving} and the line says "Saving…"), then, on
     * the UI thread, runs {@code then}, unless the drill was closed. A review the store cannot write is kept and
     * retried, and the window's banner says so; a store that fails outright leaves its reason in the line.
     */
    protected final void record(List<? extends ReviewOutcome> outcomes, P saving, Runnable then) {
        save(saving, () -> {
            outcomes.forEach(services.progress()::record);
            return SaveResult.ok();
        }, result -> {
            then.run();
            if (!result.saved()) {
                say(result.message());
            }
        });
    }

    /**
     * Runs {@code write} in the background while the phase is {@code saving}, then gives its result to {@code then}
     * on the UI thread (unless the drill was closed); a write that throws gives an unsaved result saying why.
     */
    protected final void save(P saving, Supplier<SaveResult> write, Consumer<SaveResult> then) {
        phase.set(saving);
        say("Saving…");
        services.background().execute(() -> {
            SaveResult result;
            try {
                result = write.get();
            } catch (RuntimeException e) {
                LOG.warn("saving a review failed", e);
                result = new SaveResult(false, services.progress().pendingCount(),
                        "The review could not be saved: " + Messages.reason(e));
            }
            SaveResult done = result;
            services.ui().execute(() -> {
                if (closed) {
                    return;
                }
                say("");
                then.accept(done);
            });
        });
    }
}
