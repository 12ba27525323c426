package dev.lectern.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void theNewContentReplacesTheOldAndNoTemporaryFileIsLeft() throws IOException {
        Path file = dir.resolve("deep/er/notes.txt");

        AtomicFiles.write(file, "first".getBytes());
        AtomicFiles.write(file, "second".getBytes());

        assertThat(file).hasContent("second");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
    }

    @Test
    void aNewFileGetsTheModeAnyProgramWouldGiveItNotOwnerOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path ordinary = Files.createFile(dir.resolve("made-by-any-program.txt"));

        AtomicFiles.write(dir.resolve("sheet.pdf"), new byte[] {1, 2, 3});

        assertThat(Files.getPosixFilePermissions(dir.resolve("sheet.pdf")))
                .isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void aFileWrittenAgainKeepsTheModeItsOwnerGaveIt() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path file = Files.writeString(dir.resolve("notes.md"), "old");
        Set<PosixFilePermission> ownerAndGroupRead = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, ownerAndGroupRead);

        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(ownerAndGroupRead);
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("sheet.pdf"), "the old sheet");

        assertThatThrownBy(() -> AtomicFiles.write(file, temporary -> {
            Files.writeString(temporary, "half of a new sh");
            throw new IOException("the disk is full");
        })).hasMessage("the disk is full");

        assertThat(file).hasContent("the old sheet");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void replaceRenamesAFinishedTemporaryFileOverTheTarget() throws IOException {
        Path file = Files.writeString(dir.resolve("reviews.csv"), "old");
        Path temporary = Files.writeString(dir.resolve(".reviews.csv.1.tmp"), "new");

        AtomicFiles.force(temporary);
        AtomicFiles.replace(temporary, file);

        assertThat(file).hasContent("new");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void moveAtomicallyPutsAFolderInPlaceWhole() throws IOException {
        Path fresh = Files.createDirectories(dir.resolve(".course.fresh"));
        Files.writeString(fresh.resolve("course.yaml"), "title: T");

        AtomicFiles.moveAtomically(fresh, dir.resolve("course"));

        assertThat(dir.resolve("course/course.yaml")).hasContent("title: T");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void flushingAFolderThatCannotBeOpenedIsNoError() {
        AtomicFiles.flushFolder(dir.resolve("missing"));
    }
}
