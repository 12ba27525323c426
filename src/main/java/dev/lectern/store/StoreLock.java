package dev.lectern.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code progress.lock} of a data folder, held by the one Lectern that writes its progress database. */
final class StoreLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreLock.class);

    static final String LOCK_FILE = "progress.lock";

    /** Data folders whose lock this JVM holds: a second channel on the lock file would release it when closed. */
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The folder's lock, or empty when another Lectern (or another store in this JVM) holds it.
     *
     * @throws IOException when the lock file cannot be made or opened (the folder cannot be written to)
     */
    /** The channel's file locked, or null when another process (or this one) holds it. */
    static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    static Optional<StoreLock> take(Path dataDir) throws IOException {
        if (!LOCKED_HERE.add(dataDir)) {
            return Optional.empty();
        }
        try {
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock taken = tryLock(channel);
            if (taken == null) {
                channel.close();
                LOCKED_HERE.remove(dataDir);
                return Optional.empty();
            }
            return Optional.of(new StoreLock(dataDir, channel, taken));
        } catch (IOException e) {
            LOG.info("{} could not be locked: {}", dataDir.resolve(LOCK_FILE), e.getMessage());
            LOCKED_HERE.remove(dataDir);
            throw e;
        }
    }

    /** Whether a store in this JVM holds the folder's lock. */
    static boolean heldHere(Path dataDir) {
        return LOCKED_HERE.contains(dataDir);
    }

    /** Lets go of the folder. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("{} could not be unlocked: {}", dataDir.resolve(LOCK_FILE), e.getMessage());
        } finally {
            LOCKED_HERE.remove(dataDir);
        }
    }
}
