package dev.lectern.ui.editor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** A background executor for tests that runs nothing until the test lets it: what runs there cannot be on time. */
public final class HeldBackground implements Executor {

    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable work) {
        waiting.add(work);
    }

    /** True while work waits to run. */
    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Runs what waits, and what that hands on, until nothing waits. */
    public void runAll() {
        for (Runnable next = waiting.poll(); next != null; next = waiting.poll()) {
            next.run();
        }
    }
}
