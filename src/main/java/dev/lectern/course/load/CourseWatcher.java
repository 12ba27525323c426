package dev.lectern.course.load;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when files under a course's {@code readings/} or {@code questions/} change on disk. Bursts of events
 * (an editor's save is often delete + create + modify) are folded into one call after a short quiet period.
 */
public final class CourseWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CourseWatcher.class);

    private final WatchService watchService;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private final Runnable onChange;
    private final long quietMillis;
    private ScheduledFuture<?> pending;

    private CourseWatcher(Path root, Runnable onChange, long quietMillis) throws IOException {
        this.onChange = onChange;
        this.quietMillis = quietMillis;
        this.watchService = FileSystems.getDefault().newWatchService();
        for (String folder : new String[] {"readings", "questions"}) {
            Path dir = root.resolve(folder);
            if (Files.isDirectory(dir)) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "course-watcher-debounce");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::loop, "course-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts watching {@code root}; {@code onChange} runs on a background thread once changes have been quiet for
     * {@code quietMillis}.
     */
    public static CourseWatcher watch(Path root, Runnable onChange, long quietMillis) throws IOException {
        return new CourseWatcher(root, onChange, quietMillis);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: stop watching.
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> {
            try {
                onChange.run();
            } catch (RuntimeException e) {
                LOG.warn("reloading after a file change failed", e);
            }
        }, quietMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        timer.shutdownNow();
        thread.interrupt();
    }
}
