package dev.lectern.cli;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Grades many answers on a small pool of threads and hands the results back one by one in input order, saying
 * every few seconds on standard error how far it is.
 */
final class BatchGrading {

    /** How often progress is reported. */
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    /** Answers in flight per thread: enough to keep every thread busy, few enough to hold little in memory. */
    private static final int WINDOW_PER_THREAD = 64;

    /** The grade of one answer, or why the grader failed on it (then {@code grade} is null). */
    record Result(AnswerCsv.Answer answer, Grade grade, String failure) {
    }

    /** What a run took: wall time and threads. */
    record Timing(long nanos, int threads, int answers) {
        String describe() {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "%d answers graded in %s (%.2f ms each on %s)", answers,
                    duration(seconds), answers == 0 ? 0 : nanos / 1e6 / answers * threads,
                    Summary.plural(threads, "thread"));
        }
    }

    private BatchGrading() {
    }

    /** Grades every answer; {@code inOrder} receives the results on the calling thread, in the order of the answers. */
    static Timing run(List<AnswerCsv.Answer> answers, Grader grader, int threads, PrintWriter err,
            Consumer<Result> inOrder) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lectern-grade-" + started.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long lastReport = start;
        try {
            Deque<Future<Result>> inFlight = new ArrayDeque<>();
            int done = 0;
            int next = 0;
            while (done < answers.size()) {
                while (next < answers.size() && inFlight.size() < threads * WINDOW_PER_THREAD) {
                    AnswerCsv.Answer answer = answers.get(next++);
                    inFlight.add(pool.submit(() -> grade(grader, answer)));
                }
                inOrder.accept(result(inFlight.removeFirst()));
                done++;
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS && done < answers.size()) {
                    lastReport = now;
                    err.println(progress(done, answers.size(), now - start));
                    err.flush();
                }
            }
            return new Timing(System.nanoTime() - start, threads, answers.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result grade(Grader grader, AnswerCsv.Answer answer) {
        try {
            return new Result(answer, grader.grade(answer.key(), answer.text()), null);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(answer, null, why);
        }
    }

    private static Result result(Future<Result> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // grade() catches every exception, so only an Error (out of memory, say) gets here.
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    static String progress(int done, int total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double perSecond = done / Math.max(seconds, 1e-9);
        return String.format(Locale.ROOT, "graded %d of %d answers (%d%%), %.0f a second, about %s left", done, total,
                (int) (100L * done / total), perSecond, duration((total - done) / perSecond));
    }

    /** Seconds as people read them: "0.4 s", "37 s", "1 min", "2 min 5 s". */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
