package dev.lectern.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes the files a user's disk can hold besides regular ones (named pipes, symbolic links) for tests; a test is
 * skipped, not failed, where the system cannot make them.
 */
public final class StrangeFiles {

    private StrangeFiles() {
    }

    /** A named pipe at {@code path}, made by {@code mkfifo} in its own process. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        boolean ended = mkfifo.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            mkfifo.destroyForcibly();
        }
        Assumptions.assumeTrue(ended && mkfifo.exitValue() == 0, "mkfifo could not make a named pipe here");
        Assumptions.assumeTrue(Files.exists(path) && !Files.isRegularFile(path), "mkfifo made no named pipe");
        return path;
    }

    /** A symbolic link at {@code link} to {@code target}. */
    public static Path link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            Assumptions.abort("symbolic links cannot be made here: " + e);
            throw e;
        }
    }
}
