package dev.lectern.ui;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its result, or its failure, back to the UI thread, where every property
 * change belongs.
 *
 * @param work runs the work (file reads and writes, rendering, computing)
 * @param ui   runs on the UI thread
 */
public record Background(Executor work, Executor ui) {

    /** Work for the background that may fail. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Exception;
    }

    /** Work for the background that may fail and has no result. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    public Background {
        Objects.requireNonNull(work);
        Objects.requireNonNull(ui);
    }

    /** Runs {@code task} in the background; then, on the UI thread, {@code done} gets its result or {@code failed} its failure. */
    public <T> void supply(Task<T> task, Consumer<? super T> done, Consumer<? super Exception> failed) {
        work.execute(() -> {
            T value;
            try {
                value = task.call();
            } catch (Exception e) {
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(value));
        });
    }

    /** Runs {@code action} in the background; then, on the UI thread, {@code done} runs or {@code failed} gets its failure. */
    public void run(Action action, Runnable done, Consumer<? super Exception> failed) {
        supply(() -> {
            action.run();
            return null;
        }, ignored -> done.run(), failed);
    }

    /** Runs {@code task} in the background; the future completes on the UI thread, with its result or its failure. */
    public <T> CompletableFuture<T> future(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        supply(task, result::complete, result::completeExceptionally);
        return result;
    }
}
