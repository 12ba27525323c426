package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.load.CourseFolder;
import dev.lectern.files.StrangeFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern validate} in a JVM of its own on a course folder holding a named pipe and a link to
 * {@code /dev/zero}: it ends, with its report, well within a deadline, and in a small heap.
 */
class ValidateProcessTest {

    /** A JVM start on a loaded two-core machine takes seconds; a validate that blocks never ends. */
    private static final long DEADLINE_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void validateOnAFolderWithAFifoAndADevZeroLinkFinishesWithinItsDeadline() throws Exception {
        CourseFolder course = new CourseFolder(dir.resolve("course"));
        StrangeFiles.fifo(course.path("questions/stuck.json"));
        Path zero = Path.of("/dev/zero");
        boolean hasZero = Files.exists(zero);
        if (hasZero) {
            StrangeFiles.link(course.path("readings/zero.md"), zero);
        }
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.lectern.app.Main", "validate", course.root.toString())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(child.getInputStream(), out), "validate-output");
        reader.setDaemon(true);
        reader.start();

        long started = System.nanoTime();
        boolean ended = child.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (!ended) {
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        reader.join(10_000);

        assertThat(ended).as("validate ended within %d s", DEADLINE_SECONDS).isTrue();
        String report = out.toString(StandardCharsets.UTF_8);
        List<String> lines = report.lines().toList();
        assertThat(lines).contains(course.path("questions/stuck.json") + ":1:1: warning: This is a named pipe (FIFO),"
                + " not a file, so Lectern skips it without opening it.");
        if (hasZero) {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(course.path("readings/zero.md")
                    + ":1:1: error: This is a link to /dev/zero, outside the course folder;"));
            assertThat(child.exitValue()).isEqualTo(1);
        } else {
            assertThat(child.exitValue()).isZero();
        }
        assertThat(lines).last().asString().startsWith("1 reading, 1 question set, 1 question:");
        String errors = Files.readString(stderr);
        assertThat(report + errors).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("OutOfMemoryError");
        System.out.println("lectern validate on a folder with a FIFO and a /dev/zero link: " + millis + " ms");
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
