package dev.lectern.grading;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The grader as the app uses it: the models load on a background thread as soon as the service is started, and
 * every grade is computed on that thread too, so neither ever blocks the caller (the UI thread).
 */
public final class GradingService implements AutoCloseable {

    private final ExecutorService worker;
    private final CompletableFuture<Grader> ready = new CompletableFuture<>();
    private final Supplier<Grader> loader;
    private final java.util.concurrent.atomic.AtomicBoolean begun = new java.util.concurrent.atomic.AtomicBoolean();

    private GradingService(Supplier<Grader> loader, boolean now) {
        this.loader = loader;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lectern-grader");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        if (now) {
            begin();
        }
    }

    /** Starts loading the standard grader (sentence-embedding model and WordNet) in the background. */
    public static GradingService start() {
        return new GradingService(StandardGrader::load, true);
    }

    /**
     * The standard grader, loaded in the background from {@link #begin} on (the window calls it once the first reading
     * is on screen, so that the models do not compete with it), or from the first grade asked for if that is sooner.
     */
    public static GradingService deferred() {
        return new GradingService(StandardGrader::load, false);
    }

    /** Starts loading the grader, unless that has started already. */
    public void begin() {
        if (begun.compareAndSet(false, true)) {
            try {
                CompletableFuture.supplyAsync(loader, worker).whenComplete((grader, failure) -> {
                    if (failure != null) {
                        ready.completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                                && failure.getCause() != null ? failure.getCause() : failure);
                    } else {
                        ready.complete(grader);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                ready.completeExceptionally(e);
            }
        }
    }

    /** A service around a grader that is already built (tests, or a grader of one's own). */
    public static GradingService of(Grader grader) {
        return new GradingService(() -> grader, true);
    }

    /** Completes when the grader is loaded; completes exceptionally if it could not be. */
    public CompletableFuture<Grader> ready() {
        return ready;
    }

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Grades in the background; the future completes on the grader's thread. */
    public CompletableFuture<Grade> grade(AnswerKey key, String answer) {
        begin();
        return ready.thenApplyAsync(grader -> grader.grade(key, answer), worker);
    }

    /**
     * For the end of the process, before it exits (the command line's end, the window's, a signal): no grader loads
     * or grades from now on, a load or grade in ONNX Runtime is waited for (up to {@code wait}), and then its
     * session is closed. A load still in plain Java stops where it reaches the model; what waits for it fails.
     * Without this, a JVM that exits while a thread is inside ONNX Runtime can crash (SIGSEGV) on its way out.
     *
     * @return false if something was still in ONNX Runtime after {@code wait} (then nothing was closed)
     */
    public static boolean closeForExit(Duration wait) {
        return Embeddings.closeForExit(wait);
    }

    /**
     * Stops taking work and waits (up to 10 s) for a load or grade in progress to end: the model runs in native
     * code, and a process that exits while it is still loading can be aborted by the native runtime.
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
