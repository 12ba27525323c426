package dev.lectern.ui.transfer;

import dev.lectern.course.Course;
import dev.lectern.store.ProgressStore;
import dev.lectern.sync.Sync;
import dev.lectern.ui.Background;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File > Sync Folder…: the student's progress synced through a folder they keep in sync anyway (Syncthing, Dropbox, a
 * USB stick), chosen once and remembered. Syncs run in the background, one at a time, at start, after each drill and
 * at close; what came of the last one is in {@link #statusProperty} (the status line).
 */
public final class FolderSync {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSync.class);

    /**
     * What a sync works on.
     *
     * @param store    the open course's progress store, once open
     * @param course   the open course
     * @param folder   the folder remembered from before, if any
     * @param remember keeps a newly chosen folder for the next start
     */
    public record Sources(Supplier<CompletableFuture<ProgressStore>> store, Supplier<Course> course,
            Optional<Path> folder, Consumer<Path> remember) {

        public Sources {
            Objects.requireNonNull(store);
            Objects.requireNonNull(course);
            Objects.requireNonNull(remember);
        }
    }

    private final Background tasks;
    private final Executor ui;
    private final DialogService dialogs;
    private final Sources sources;
    private volatile Path folder;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private boolean again;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public FolderSync(Executor background, Executor ui, DialogService dialogs, Sources sources) {
        this.tasks = new Background(background, ui);
        this.ui = ui;
        this.dialogs = Objects.requireNonNull(dialogs);
        this.sources = sources;
        this.folder = sources.folder().orElse(null);
    }

    /** "Synced with …: 3 sent, 12 received" after a sync, or why it failed; empty before any. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The folder syncs go through, if one was chosen. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Asks for the folder (starting at the one chosen before), remembers it and syncs. */
    public void chooseFolder() {
        Optional<Path> chosen = dialogs.chooseDirectory("Sync Folder: a folder you keep in sync on your machines",
                Optional.ofNullable(folder));
        if (chosen.isEmpty()) {
            return;
        }
        folder = chosen.get().toAbsolutePath().normalize();
        sources.remember().accept(folder);
        syncNow();
    }

    /**
     * Syncs the open course's progress through the folder, in the background; nothing without a folder or a course.
     * A sync asked for while one runs follows it. Completes when that sync has ended (well or not).
     */
    public CompletableFuture<Void> syncNow() {
        Path through = folder;
        Course open = sources.course().get();
        if (through == null || open == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (running.get()) {
            again = true;
            return last;
        }
        running.set(true);
        status.set("Syncing with " + through.getFileName() + "…");
        CompletableFuture<Void> done = new CompletableFuture<>();
        last = done;
        tasks.supply(() -> syncThrough(through, open, Duration.ofSeconds(60)), said -> {
            status.set(said);
            finished(done);
        }, e -> {
            LOG.warn("syncing through {} failed", through, e);
            status.set("Not synced: " + Messages.reason(e) + ". Your progress here is as it was.");
            finished(done);
        });
        return done;
    }

    /**
     * The sync at close, on a thread of its own (the UI thread is about to end), waited for up to {@code wait}; none
     * while another is still running, or without a folder or a course. Returns what came of it, for the log.
     */
    public String syncBeforeExit(Duration wait) {
        Path through = folder;
        Course open = sources.course().get();
        if (through == null || open == null || running.get()) {
            return "no sync at close";
        }
        CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> {
            try {
                return syncThrough(through, open, wait);
            } catch (Exception e) {
                LOG.warn("syncing through {} at close failed", through, e);
                return "not synced at close: " + Messages.reason(e);
            }
        });
        try {
            return done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return "the sync at close was still running after " + wait.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the sync at close was interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            return "not synced at close: " + Messages.reason(e);
        }
    }

    private void finished(CompletableFuture<Void> done) {
        running.set(false);
        done.complete(null);
        if (again) {
            again = false;
            ui.execute(this::syncNow);
        }
    }

    /** Syncs {@code open}'s progress through {@code through}, waiting up to {@code wait} for its store; says how it went. */
    private String syncThrough(Path through, Course open, Duration wait) throws Exception {
        if (!Files.isDirectory(through)) {
            throw new IOException("the folder " + through + " is not there (is its drive connected?)");
        }
        Sync.Report report = Sync.run(sources.store().get().get(wait.toMillis(), TimeUnit.MILLISECONDS),
                open.info().id(), through);
        return report.summary().replaceFirst("^Synced: ", "Synced with " + through.getFileName() + ": ");
    }
}
