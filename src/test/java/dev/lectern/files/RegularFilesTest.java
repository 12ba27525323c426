package dev.lectern.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files inside the folder are read, and never more than the limit. */
class RegularFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReadWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("a.md"), "hello");

        assertThat(RegularFiles.read(file, dir, 5)).asString().isEqualTo("hello");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = StrangeFiles.fifo(dir.resolve("questions/stuck.json"));

        // Opening the pipe would wait for a writer forever: the deadline fails the test instead of hanging it.
        RegularFiles.Refused refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                RegularFiles.read(fifo, dir, 1024);
                return null;
            } catch (RegularFiles.Refused e) {
                return e;
            }
        });

        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(RegularFiles.Reason.NOT_A_FILE);
        assertThat(refused.detail()).isEqualTo("a named pipe (FIFO)");
        assertThat(refused.getMessage()).isEqualTo("This is a named pipe (FIFO), not a file, so Lectern skips it"
                + " without opening it.");
    }

    @Test
    void aFolderIsNotAFile() {
        assertThatThrownBy(() -> RegularFiles.read(dir, dir, 1024)).isInstanceOfSatisfying(RegularFiles.Refused.class,
                e -> assertThat(e.detail()).isEqualTo("a folder"));
    }

    @Test
    void aLinkOutOfTheFolderIsNotFollowed() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("secret.txt"),
                "root:x:0:0");
        Path course = Files.createDirectories(dir.resolve("course"));
        Path link = StrangeFiles.link(course.resolve("readings/secret.md"), outside);
        Path real = outside.toRealPath();

        assertThatThrownBy(() -> RegularFiles.read(link, course, 1024))
                .isInstanceOfSatisfying(RegularFiles.Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegularFiles.Reason.OUTSIDE);
                    assertThat(e.getMessage()).startsWith("This is a link to " + real
                            + ", outside the course folder;").doesNotContain("root:x");
                });
    }

    @Test
    void aLinkThatStaysInsideTheFolderIsFollowed() throws IOException {
        Path course = Files.createDirectories(dir.resolve("course"));
        Path target = Files.writeString(Files.createDirectories(course.resolve("shared")).resolve("r.md"), "inside");
        Path link = StrangeFiles.link(course.resolve("readings/r.md"), Path.of("../shared/r.md"));

        assertThat(RegularFiles.read(link, course, 1024)).asString().isEqualTo("inside");
        assertThat(RegularFiles.check(link, course)).isEqualTo(target.toRealPath());
    }

    @Test
    void aDanglingLinkIsAFileThatDoesNotExist() throws IOException {
        Path link = StrangeFiles.link(dir.resolve("gone.md"), dir.resolve("nothing-here.md"));

        assertThatThrownBy(() -> RegularFiles.read(link, dir, 1024)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileOneBytePastTheLimitIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("big.json"), new byte[1025]);

        assertThat(RegularFiles.read(dir.resolve("big.json"), dir, 1025)).hasSize(1025);
        assertThatThrownBy(() -> RegularFiles.read(file, dir, 1024))
                .isInstanceOfSatisfying(RegularFiles.Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegularFiles.Reason.TOO_BIG);
                    assertThat(e.getMessage()).isEqualTo("This file is larger than 1 KB, the most Lectern reads"
                            + " of it.");
                });
    }

    @Test
    void aFileThatSaysItHoldsNothingIsReadOnlyUpToTheLimit() throws IOException {
        // The kernel's map of this process's memory: a regular file that says it is 0 bytes and holds kilobytes.
        Path maps = Path.of("/proc/self/maps");
        Assumptions.assumeTrue(Files.isRegularFile(maps) && Files.isReadable(maps), "no /proc here");
        Assumptions.assumeTrue(Files.size(maps) == 0, "/proc says how big its files are here");
        assertThat(RegularFiles.read(maps, null, 1024 * 1024)).hasSizeGreaterThan(1024);

        assertThatThrownBy(() -> RegularFiles.read(maps, null, 1024))
                .isInstanceOfSatisfying(RegularFiles.Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegularFiles.Reason.TOO_BIG);
                    assertThat(e.getMessage()).isEqualTo("This file is larger than 1 KB, the most Lectern reads of it"
                            + " (although it says it is 0 bytes).");
                });
    }
}
