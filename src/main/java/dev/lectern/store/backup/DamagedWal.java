package dev.lectern.store.backup;

import dev.lectern.files.AtomicFiles;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A damaged write-ahead log ({@code progress.db-wal}) found before the database is opened. SQLite reads a WAL up to
 * its first frame whose checksum fails and silently drops the rest, commits included; so before it does, the WAL is
 * read here, and when commits of the current WAL follow a damaged frame, the WAL and its index ({@code -shm}) are
 * moved aside ({@code progress.db-wal.damaged-<time>}, never deleted), the sound part before the damage is put back
 * for SQLite to read, and the user is told how many commits could not be read. A WAL cut short by a crash in the
 * middle of a write (no commit after the cut) is not damage: nothing it held was acknowledged. Public for the store
 * only ({@code ArchitectureRules.storeInternalsAreUsedOnlyByTheStore}).
 */
public final class DamagedWal {

    private static final Logger LOG = LoggerFactory.getLogger(DamagedWal.class);

    private static final int HEADER = 32;
    private static final int FRAME_HEADER = 24;
    private static final int MAGIC = 0x377f0682;

    /**
     * What a WAL holds: {@code soundBytes} is the length of its header and frames up to its last sound commit;
     * {@code lostCommits} the commits after the first damaged frame (-1 when the header itself is damaged).
     */
    record Reading(long soundBytes, int lostCommits) {

        boolean damaged() {
            return lostCommits != 0;
        }
    }

    /** A WAL set aside: what to tell the user, and where it went. */
    public record Damage(String notice, Path walAside) {
    }

    private DamagedWal() {
    }

    /**
     * Checks the data folder's WAL before the database is opened; a damaged one is set aside as described above.
     *
     * @return what the user should be told, when it was damaged
     */
    public static Optional<Damage> setAside(Path dataDir, Clock clock) throws IOException {
        Path wal = dataDir.resolve(Sqlite.PROGRESS_DB + "-wal");
        if (!Files.isRegularFile(wal) || Files.size(wal) == 0) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(wal);
        Reading reading = read(bytes);
        if (!reading.damaged()) {
            return Optional.empty();
        }
        String stamp = LocalDateTime.now(clock).format(Backups.STAMP);
        String suffix = ".damaged-" + stamp;
        for (int i = 2; Files.exists(dataDir.resolve(Sqlite.PROGRESS_DB + "-wal" + suffix)); i++) {
            suffix = ".damaged-" + stamp + "-" + i;
        }
        Path walAside = dataDir.resolve(Sqlite.PROGRESS_DB + "-wal" + suffix);
        Files.move(wal, walAside);
        Path shm = dataDir.resolve(Sqlite.PROGRESS_DB + "-shm");
        Path shmAside = dataDir.resolve(Sqlite.PROGRESS_DB + "-shm" + suffix);
        if (Files.exists(shm)) {
            Files.move(shm, shmAside);
        }
        if (reading.soundBytes() > 0) {
            Path tmp = Files.createTempFile(dataDir, Sqlite.PROGRESS_DB + "-wal", ".tmp");
            try {
                Files.write(tmp, Arrays.copyOf(bytes, (int) reading.soundBytes()));
                AtomicFiles.force(tmp);
                AtomicFiles.replace(tmp, wal);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        AtomicFiles.flushFolder(dataDir);
        LOG.info("{} is damaged; moved to {}", wal, walAside);
        String lost = reading.lostCommits() < 0 ? "its header is damaged, so none of the changes in it could be read"
                : reading.lostCommits() + (reading.lostCommits() == 1 ? " saved change (a review or another write)"
                        + " after the damage could not be read" : " saved changes (reviews or other writes) after the"
                        + " damage could not be read");
        return Optional.of(new Damage(Sqlite.PROGRESS_DB + "-wal, the database's write-ahead log, was damaged: "
                + lost + ". Lectern moved it to " + walAside + (Files.exists(shmAside) ? " (and its index to "
                + shmAside + ")" : "") + ", kept what came before the damage, and went on.", walAside));
    }

    /**
     * The database as the damaged WAL would have left it had it been sound: a copy of {@code db} (in a temporary
     * folder of its own) with every frame of the WAL's current generation written in, up to its last commit, checksums
     * ignored. Each commit writes whole pages, so a damaged frame is often superseded by a later one of the same page;
     * the copy is given only when it passes SQLite's quick check.
     */
    public static Optional<Path> salvage(Path db, Path walAside, int latest) {
        try {
            byte[] wal = Files.readAllBytes(walAside);
            if (read(wal).lostCommits() <= 0) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(wal);
            int pageSize = b.getInt(8);
            int frame = FRAME_HEADER + pageSize;
            long lastCommit = -1;
            for (long at = HEADER; at + frame <= wal.length; at += frame) {
                if (b.getInt((int) at + 8) == b.getInt(16) && b.getInt((int) at + 12) == b.getInt(20)
                        && b.getInt((int) at + 4) != 0) {
                    lastCommit = at;
                }
            }
            Path dir = Files.createTempDirectory("lectern-salvage-");
            Path copy = dir.resolve(Sqlite.PROGRESS_DB);
            Files.copy(db, copy);
            try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(copy,
                    java.nio.file.StandardOpenOption.WRITE)) {
                for (long at = HEADER; at <= lastCommit; at += frame) {
                    int i = (int) at;
                    if (b.getInt(i + 8) == b.getInt(16) && b.getInt(i + 12) == b.getInt(20)) {
                        out.write(ByteBuffer.wrap(wal, i + FRAME_HEADER, pageSize),
                                (long) (b.getInt(i) - 1) * pageSize);
                    }
                }
                out.truncate((long) b.getInt((int) lastCommit + 4) * pageSize);
            }
            return Sqlite.problemWith(copy, latest).isEmpty() ? Optional.of(copy) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.info("nothing could be read back from {}: {}", walAside, e.toString());
            return Optional.empty();
        }
    }

    /** Reads a WAL's frames as SQLite does, and on past the first damaged one. */
    static Reading read(byte[] wal) {
        ByteBuffer b = ByteBuffer.wrap(wal);
        if (wal.length < HEADER) {
            return new Reading(0, 0); // A header cut short: SQLite has not written a frame after it.
        }
        int magic = b.getInt(0);
        int pageSize = b.getInt(8);
        boolean validSize = pageSize >= 512 && pageSize <= 65536 && Integer.bitCount(pageSize) == 1;
        if ((magic & 0xfffffffe) != MAGIC || !validSize) {
            return new Reading(0, -1);
        }
        boolean bigEndian = (magic & 1) == 1;
        int[] sum = checksum(wal, 0, 24, bigEndian, 0, 0);
        if (sum[0] != b.getInt(24) || sum[1] != b.getInt(28)) {
            return new Reading(0, -1);
        }
        int salt1 = b.getInt(16);
        int salt2 = b.getInt(20);
        long sound = 0;
        boolean broken = false;
        int lost = 0;
        int frame = FRAME_HEADER + pageSize;
        for (long at = HEADER; at + frame <= wal.length; at += frame) {
            int i = (int) at;
            boolean ours = b.getInt(i + 8) == salt1 && b.getInt(i + 12) == salt2;
            boolean commit = b.getInt(i + 4) != 0;
            if (!broken) {
                int[] head = checksum(wal, i, 8, bigEndian, sum[0], sum[1]);
                int[] next = ours ? checksum(wal, i + FRAME_HEADER, pageSize, bigEndian, head[0], head[1]) : null;
                if (next != null && next[0] == b.getInt(i + 16) && next[1] == b.getInt(i + 20)) {
                    sum = next;
                    if (commit) {
                        sound = at + frame;
                    }
                    continue;
                }
                broken = true;
            }
            if (ours && commit) {
                lost++;
            }
        }
        return new Reading(sound, lost);
    }

    /** SQLite's WAL checksum: over 32-bit words in the WAL's byte order, two at a time. */
    private static int[] checksum(byte[] data, int from, int length, boolean bigEndian, int s1, int s2) {
        for (int i = from; i < from + length; i += 8) {
            s1 += word(data, i, bigEndian) + s2;
            s2 += word(data, i + 4, bigEndian) + s1;
        }
        return new int[] {s1, s2};
    }

    private static int word(byte[] d, int i, boolean bigEndian) {
        return bigEndian
                ? (d[i] & 0xff) << 24 | (d[i + 1] & 0xff) << 16 | (d[i + 2] & 0xff) << 8 | d[i + 3] & 0xff
                : (d[i + 3] & 0xff) << 24 | (d[i + 2] & 0xff) << 16 | (d[i + 1] & 0xff) << 8 | d[i] & 0xff;
    }
}
