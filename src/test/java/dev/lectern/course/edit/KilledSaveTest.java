package dev.lectern.course.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Problem;
import dev.lectern.course.load.CourseDocuments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Lectern killed (SIGKILL) in the middle of saving leaves the old file or the new one, never a broken one. */
class KilledSaveTest {

    static final int RUNS = 15;

    @TempDir
    Path course;

    @Test
    void aSaveKilledAtRandomMomentsLeavesTheOldOrTheNewFileWholeNeverATruncatedOne() throws Exception {
        Path file = course.resolve("questions/big.json");
        Files.createDirectories(file.getParent());
        byte[] v0 = SaveChild.version(0);
        byte[] v1 = SaveChild.version(1);
        Files.write(file, v0);
        Random random = new Random(20261121);
        int savesSeen = 0;
        for (int run = 0; run < RUNS; run++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    SaveChild.class.getName(), course.toString())
                    .redirectError(course.resolve("child-" + run + ".log").toFile()).start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // killed mid-line
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                long deadline = System.currentTimeMillis() + 30_000;
                while (true) {
                    synchronized (lines) {
                        if (!lines.isEmpty()) {
                            break;
                        }
                    }
                    assertThat(child.isAlive()).as("child %d is running; its log: %s", run,
                            Files.readString(course.resolve("child-" + run + ".log"))).isTrue();
                    assertThat(System.currentTimeMillis()).as("child %d saved once in time", run).isLessThan(deadline);
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(120));
            } finally {
                child.destroyForcibly();
                child.waitFor(20, TimeUnit.SECONDS);
                reader.join(5000);
            }
            synchronized (lines) {
                savesSeen += lines.size();
            }
            byte[] now = Files.readAllBytes(file);
            assertThat(now.length == v0.length && java.util.Arrays.equals(now, v0)
                    || now.length == v1.length && java.util.Arrays.equals(now, v1))
                    .as("run %d: the file is one of the two versions, whole (it has %d bytes)", run, now.length).isTrue();
            assertThat(CourseDocuments.validate(file, now)).noneMatch(Problem::isError);
        }
        assertThat(savesSeen).as("saves acknowledged over all runs").isGreaterThan(RUNS);
    }
}
