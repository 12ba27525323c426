package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern drill} in JVMs of their own (two at a time), each ended while its grader is inside ONNX Runtime
 * creating the sentence model's session: by end of input, as a student quitting at once does, or by SIGTERM. The
 * moment is seen from outside: ONNX Runtime starts its thread pool as it creates the session, and a new thread
 * on Linux takes the name of the thread that made it, so a second thread named {@code lectern-grader-} (the
 * loading thread's name, cut to 15 characters) under {@code /proc/PID/task} means the session is being created.
 * Before the exit waited for the grader, nearly every such exit died with SIGSEGV in
 * {@code OrtSession.createSession} (exit code 134 and an {@code hs_err_pid*.log} in the working folder).
 */
class CleanExitProcessTest {

    static final int RUNS = 30;
    static final int SIGNALLED_RUNS = 4;
    /** A JVM start and the grader's load up to its session take a few seconds on a busy two-core machine. */
    private static final long MID_LOAD_DEADLINE_MILLIS = 60_000;
    private static final long EXIT_DEADLINE_SECONDS = 60;

    @TempDir
    Path dir;

    /** How one run ended. */
    record Ended(int run, boolean caughtMidLoad, int exitCode, List<String> crashLogs, String stderr) {
    }

    @Test
    void thirtyDrillsEndedWhileTheGraderCreatesItsOnnxSessionAllExitWithoutANativeCrash() throws Exception {
        List<Ended> ended = runAll(RUNS, false);

        assertThat(ended).allSatisfy(e -> assertThat(e.caughtMidLoad())
                .as("run %d was ended while its grader created the ONNX session", e.run()).isTrue());
        assertThat(ended).allSatisfy(e -> {
            assertThat(e.crashLogs()).as("run %d left no JVM crash log", e.run()).isEmpty();
            assertThat(e.exitCode()).as("run %d: exit code below 128 (no signal, no abort); stderr:%n%s", e.run(),
                    e.stderr()).isLessThan(128).isZero();
            assertThat(e.stderr()).as("run %d: no stack trace", e.run()).doesNotContain("\tat ")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void drillsStoppedBySigtermWhileTheGraderCreatesItsOnnxSessionExitAsTerminatedWithoutANativeCrash()
            throws Exception {
        List<Ended> ended = runAll(SIGNALLED_RUNS, true);

        assertThat(ended).allSatisfy(e -> {
            assertThat(e.caughtMidLoad()).as("run %d was ended while its grader created the ONNX session", e.run())
                    .isTrue();
            assertThat(e.crashLogs()).as("run %d left no JVM crash log", e.run()).isEmpty();
            // 128 + 15, as the JVM ends on SIGTERM itself; a crash is 134 (SIGABRT after the crash report).
            assertThat(e.exitCode()).as("run %d: the exit code of SIGTERM; stderr:%n%s", e.run(), e.stderr())
                    .isEqualTo(143);
            assertThat(e.stderr()).as("run %d: no stack trace", e.run()).doesNotContain("\tat ");
        });
    }

    private List<Ended> runAll(int runs, boolean sigterm) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")),
                "the moment the grader creates its session is read from /proc (Linux)");
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2,
                "ONNX Runtime starts no thread pool of its own on one core");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Ended>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                int run = i;
                futures.add(two.submit(() -> run(run, sigterm)));
            }
            List<Ended> ended = new ArrayList<>();
            for (Future<Ended> f : futures) {
                ended.add(f.get(5, TimeUnit.MINUTES));
            }
            System.out.printf("lectern drill ended mid-load %d times (%s): exit codes %s%n", runs,
                    sigterm ? "SIGTERM" : "end of input", ended.stream().map(Ended::exitCode).toList());
            return ended;
        } finally {
            two.shutdownNow();
        }
    }

    private Ended run(int run, boolean sigterm) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve((sigterm ? "term-" : "run-") + run));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "drill")
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        Map<String, String> env = builder.environment();
        env.remove("LECTERN_COURSE");
        env.remove("LECTERN_DATA_DIR");
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("XDG_DATA_HOME", work.resolve("data").toString());
        Process child = builder.start();
        boolean caught;
        int code;
        try {
            caught = awaitSessionBeingCreated(child);
            if (sigterm) {
                // Not Process.destroy, which also closes the child's standard input (and so ends the drill too).
                child.toHandle().destroy();
            } else {
                child.getOutputStream().close();
            }
            if (!child.waitFor(EXIT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
            code = child.exitValue();
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        List<String> crashLogs;
        try (Stream<Path> files = Files.list(work)) {
            crashLogs = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err_pid")).toList();
        }
        return new Ended(run, caught, code, crashLogs, Files.readString(work.resolve("stderr.txt")));
    }

    /** True once the child has two threads named after its grader's loading thread; false if it never does. */
    private static boolean awaitSessionBeingCreated(Process child) throws InterruptedException {
        Path tasks = Path.of("/proc", Long.toString(child.pid()), "task");
        long deadline = System.currentTimeMillis() + MID_LOAD_DEADLINE_MILLIS;
        while (child.isAlive() && System.currentTimeMillis() < deadline) {
            if (threadsNamed(tasks, "lectern-grader-") >= 2) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static long threadsNamed(Path tasks, String name) {
        try (Stream<Path> all = Files.list(tasks)) {
            return all.filter(t -> name.equals(comm(t))).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // the child ended meanwhile
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }
}
