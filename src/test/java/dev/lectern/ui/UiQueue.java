package dev.lectern.ui;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The "UI thread" of view-model tests: work handed to it waits in a queue until the test runs it, on the test's own
 * thread, so results from background threads are applied where the test can see them.
 */
public final class UiQueue implements Executor {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs queued work, waiting for more as it comes, until the condition holds; fails after a few seconds. */
    public void runUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the condition did not come true within 10 s");
            }
            try {
                Runnable next = tasks.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (next != null) {
                    next.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs whatever work arrives during this time. */
    public void runFor(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        try {
            for (long left = time.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Runnable next = tasks.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) {
                    next.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
