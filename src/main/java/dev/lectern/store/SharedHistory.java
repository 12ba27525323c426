package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.exams.ExamStore;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The progress store's side of a sync ({@code dev.lectern.sync}): this database's device id, the records it made
 * that a shared folder has not been sent yet, and the records of other devices taken in, each once by its global id,
 * after which every card's state is rebuilt from the merged log. Got from {@link ProgressStore#shared()}.
 */
public final class SharedHistory {

    /** A review with its global id: the device that made it and its place in that device's sequence. */
    public record SharedReview(String device, long seq, ReviewRecord review) {
    }

    /** The review {@code device}/{@code seq} taken back at {@code at}. */
    public record SharedUndo(String device, long seq, Instant at) {
    }

    /** A question id renamed with its history ({@code device}/{@code seq} is its global id). */
    public record SharedRename(String device, long seq, CardKey from, CardKey to, Instant at) {
    }

    /** An exam as the store keeps it: the payload is its JSON. */
    public record SharedExam(String id, String title, Instant startedAt, Optional<Instant> finishedAt,
            String payload) {
    }

    /** The scheduler's settings as changed on {@code device} at {@code at}, one string a key. */
    public record SharedSettings(String device, Instant at, Map<String, String> values) {
        public SharedSettings {
            values = Map.copyOf(values);
        }
    }

    /** Records of one or more devices. */
    public record Records(List<SharedReview> reviews, List<SharedUndo> undos, List<SharedRename> renames,
            List<SharedExam> exams, List<SharedSettings> settings) {

        public static final Records NONE = new Records(List.of(), List.of(), List.of(), List.of(), List.of());

        public Records {
            reviews = List.copyOf(reviews);
            undos = List.copyOf(undos);
            renames = List.copyOf(renames);
            exams = List.copyOf(exams);
            settings = List.copyOf(settings);
        }

        public int size() {
            return reviews.size() + undos.size() + renames.size() + exams.size() + settings.size();
        }

        public boolean isEmpty() {
            return size() == 0;
        }
    }

    /** This device's records not sent to a place yet, and the marks to keep once they are. */
    public record Outgoing(Records records, Map<String, Long> marks) {
        public Outgoing {
            marks = Map.copyOf(marks);
        }
    }

    /** A file of the shared folder whose every record was read. */
    public record WholeFile(String device, String name, int lines) {
    }

    /**
     * What a sync took in: new records by kind, settings adopted, and records that wait for a review this log does
     * not hold yet (an undo whose review is in a file that could not be read).
     */
    public record Taken(int reviews, int undos, int renames, int exams, boolean settings, int waiting,
            int cardsChanged) {
    }

    private final ExamStore.Access access;
    private final SchedulerSettings current;
    private final Consumer<SchedulerSettings> adopt;

    SharedHistory(ExamStore.Access access, SchedulerSettings current, Consumer<SchedulerSettings> adopt) {
        this.access = access;
        this.current = current;
        this.adopt = adopt;
    }

    /** This database's device id: made once, when it was created or upgraded to schema version 7. */
    public String device() throws IOException {
        return read(ReviewTable::device);
    }

    /** The files of {@code device} taken in whole already, by name. */
    public Set<String> wholeFiles(String device) throws IOException {
        return read(c -> SharedTables.wholeFiles(c, device));
    }

    /** The records this device made that {@code place} (its folder in a shared folder) has not been sent yet. */
    public Outgoing since(String place) throws IOException {
        return read(c -> SharedTables.since(c, place));
    }

    /** Records that {@code out} is in {@code place}, written as {@code file}. */
    public void sent(String place, Outgoing out, WholeFile file) throws IOException {
        write(c -> {
            SharedTables.sent(c, place, out.marks(), file);
            return null;
        });
    }

    /**
     * Takes in the records of other devices (or this device's own, from a copy of this database restored from before
     * they were made), each at most once, in one transaction with the files read whole; then rebuilds every card's state
     * from the merged log. Settings changed later than this device's win.
     */
    public Taken take(Records in, List<WholeFile> files) throws IOException {
        SharedTables.Adopted[] adopted = new SharedTables.Adopted[1];
        Taken taken = write(c -> {
            adopted[0] = SharedTables.takeSettings(c, in.settings(), current);
            Fsrs fsrs = new Fsrs(adopted[0].settings());
            return SharedTables.take(c, in, files, fsrs, adopted[0].changed());
        });
        if (adopted[0].changed()) {
            adopt.accept(adopted[0].settings());
        }
        return taken;
    }

    private <T> T read(ExamStore.Work<T> work) throws IOException {
        return run(false, work, "the progress database could not be read for the sync: ");
    }

    private <T> T write(ExamStore.Work<T> work) throws IOException {
        return run(true, work, "the synced progress could not be saved: ");
    }

    private <T> T run(boolean writing, ExamStore.Work<T> work, String failed) throws IOException {
        try {
            return writing ? access.write(work) : access.read(work);
        } catch (SQLException e) {
            throw new IOException(failed + dev.lectern.store.sqlite.Sqlite.reason(e, access.dataDir()), e);
        }
    }
}
