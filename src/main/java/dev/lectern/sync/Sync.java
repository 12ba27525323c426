package dev.lectern.sync;

import dev.lectern.store.ProgressStore;
import dev.lectern.store.SharedHistory;
import dev.lectern.store.SharedHistory.Outgoing;
import dev.lectern.store.SharedHistory.Records;
import dev.lectern.store.SharedHistory.Taken;
import dev.lectern.store.SharedHistory.WholeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Syncs a course's progress through a shared folder (Dropbox, Syncthing, a network drive, a USB stick): this device
 * writes its new records into a new file of its own folder there, takes in the records of every other device's files
 * that it has not taken in yet (each once, by its global id), and rebuilds its card states from the merged log, so
 * every device that has synced the same files has the same schedule. Another device's files are only ever read.
 */
public final class Sync {

    /**
     * What one sync did.
     *
     * @param sent     this device's records written to the folder (0 when there was nothing new)
     * @param sentFile the file they went into, from the sync folder down; empty when nothing was sent
     * @param read     records read from files not taken in whole before (some may have been here already)
     * @param taken    what was new among them
     * @param devices  the devices with a folder there, this one included
     * @param problems damaged or foreign files and lines, each {@code file:line: what}; they were left out
     */
    public record Report(Path folder, int sent, Optional<String> sentFile, int read, Taken taken, int devices,
            List<String> problems) {

        public Report {
            problems = List.copyOf(problems);
        }

        /** Received records that were here already (read again, or sent by this device before). */
        public int alreadyHere() {
            Taken t = taken;
            return Math.max(0, read - t.reviews() - t.undos() - t.renames() - t.exams() - (t.settings() ? 1 : 0));
        }

        /** The report in a few plain lines: sent, received, skipped, then each problem. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("Synced with " + folder + " (" + plural(devices, "device") + " there).");
            lines.add(sent == 0 ? "Sent: nothing new." : "Sent: " + plural(sent, "record") + " in "
                    + sentFile.orElse("") + ".");
            Taken t = taken;
            lines.add(String.format(Locale.ROOT, "Received: %s, %s, %s, %s%s; %s already here.",
                    plural(t.reviews(), "new review"), plural(t.undos(), "undo"), plural(t.renames(), "rename"),
                    plural(t.exams(), "exam"), t.settings() ? ", newer scheduler settings" : "",
                    plural(alreadyHere(), "record")));
            if (t.cardsChanged() > 0) {
                lines.add("Rebuilt the schedule from the merged log: " + plural(t.cardsChanged(), "card") + " changed.");
            }
            if (t.waiting() > 0) {
                lines.add(plural(t.waiting(), "undo") + " wait for a review not received yet; tried again next sync.");
            }
            lines.add(problems.isEmpty() ? "Skipped: nothing." : "Skipped: " + plural(problems.size(), "problem")
                    + " (left out; the good records around them were taken in):");
            problems.forEach(p -> lines.add("  " + p));
            return lines;
        }

        /** One line for a status bar. */
        public String summary() {
            return String.format(Locale.ROOT, "Synced: sent %d, received %d new%s.", sent,
                    taken.reviews() + taken.undos() + taken.renames() + taken.exams() + (taken.settings() ? 1 : 0),
                    problems.isEmpty() ? "" : ", " + plural(problems.size(), "damaged file or line") + " skipped");
        }

        private static String plural(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    private Sync() {
    }

    /**
     * Syncs {@code store}, the progress of course {@code courseId}, through {@code folder}.
     *
     * @throws IOException when the folder is not there or cannot be read or written, or the store cannot write (another
     *                     Lectern has it); the local log is then as it was
     */
    public static Report run(ProgressStore store, String courseId, Path folder) throws IOException {
        if (store.readOnly()) {
            throw new IOException("This Lectern cannot save progress now (" + String.join(" ", store.notices())
                    + "); nothing was synced.");
        }
        return run(store.shared(), courseId, folder, Clock.systemUTC(), () -> { });
    }

    /** With the clock that names new files, and {@code betweenFiles} run before each file is read (tests). */
    static Report run(SharedHistory shared, String courseId, Path folder, Clock clock, Runnable betweenFiles)
            throws IOException {
        SyncFolder sync = new SyncFolder(folder, courseId, betweenFiles);
        sync.checkThere();
        String device = shared.device();
        SyncFolder.Read read = sync.read(shared);

        // Everything from the folder is read before anything is written, here or there.
        String place = sync.own(device).toString();
        Outgoing out = shared.since(place);
        Optional<WholeFile> written = Optional.empty();
        if (!out.records().isEmpty()) {
            written = Optional.of(sync.write(device, Segment.write(device, courseId, out.records()),
                    clock.millis()));
        }
        Records in = Segment.records(read.records());
        Taken taken = shared.take(in, read.whole());
        if (written.isPresent()) {
            shared.sent(place, out, written.get());
        }
        java.util.Set<String> devices = new java.util.TreeSet<>(read.devices());
        if (written.isPresent()) {
            devices.add(device);
        }
        return new Report(sync.folder(), out.records().size(),
                written.map(w -> sync.shown(sync.own(device).resolve(w.name()))), in.size(), taken, devices.size(),
                read.problems());
    }
}
