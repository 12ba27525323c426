package dev.lectern.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@link StoreChild} in its own JVM, on the tests' class path, with its output read line by line. */
final class ChildJvm implements AutoCloseable {

    final Process process;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    ChildJvm(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The child was killed mid-line; what was read is what it said.
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until a line matches (true) or the child ends or {@code millis} pass (false). */
    boolean awaitLine(Predicate<String> match, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        synchronized (lines) {
            while (lines.stream().noneMatch(match)) {
                long left = end - System.currentTimeMillis();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    return lines.stream().anyMatch(match);
                }
                lines.wait(Math.min(left, 50));
            }
            return true;
        }
    }

    /** SIGKILL, then every line it wrote before dying. */
    List<String> kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        reader.join(5000);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
