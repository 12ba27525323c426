package dev.lectern.app;

import dev.lectern.grading.GradingService;
import java.time.Duration;
import sun.misc.Signal;

/**
 * How Lectern's process ends: the grader is stopped first (a load or grade inside ONNX Runtime is waited for,
 * its session closed), and only then does the JVM exit. A JVM that exits while a thread is inside ONNX Runtime
 * can crash with SIGSEGV, because ONNX Runtime's own shutdown hook frees its environment under that thread; a
 * shutdown hook of Lectern's would run beside that one, not before it, so the grader is stopped before
 * {@code System.exit}, and Ctrl+C, {@code kill} and a closed terminal go through here too.
 */
final class OrderlyExit {

    /** The longest wait for ONNX Runtime: creating its session takes about a second on a busy machine. */
    static final Duration GRADER_WAIT = Duration.ofSeconds(10);

    private OrderlyExit() {
    }

    /** Stops the grader, then exits with {@code code}. */
    static void exit(int code) {
        GradingService.closeForExit(GRADER_WAIT);
        System.exit(code);
    }

    /**
     * Ctrl+C (SIGINT), {@code kill} (SIGTERM) and a closed terminal (SIGHUP) stop the grader before the JVM exits,
     * with the exit code the JVM gives them itself (128 + the signal's number). A JVM started with {@code -Xrs}
     * keeps its own handling.
     */
    static void onSignals() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> exit(128 + signal.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not a signal here, or the JVM keeps it: the JVM's own handling stays.
            }
        }
    }
}
