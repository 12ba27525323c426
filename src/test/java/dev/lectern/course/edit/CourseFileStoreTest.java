package dev.lectern.course.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lectern.course.load.CourseFolder;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.files.StrangeFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving course files: atomic, with backups, and never over a change made on disk meanwhile. */
class CourseFileStoreTest {

    @TempDir
    Path course;

    private Path set() throws Exception {
        Files.createDirectories(course.resolve("readings"));
        Files.writeString(course.resolve("readings/good.md"), CourseFolder.GOOD_READING);
        Path file = course.resolve("questions/good-set.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, CourseFolder.GOOD_SET);
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNamedPipeOrALinkOutOfTheCourseIsNotOpenedForEditing(@TempDir Path elsewhere) throws Exception {
        Path pipe = StrangeFiles.fifo(course.resolve("questions/stuck.json"));
        Path secret = Files.writeString(elsewhere.resolve("secret.json"), CourseFolder.GOOD_SET);
        Path link = StrangeFiles.link(course.resolve("questions/linked.json"), secret);
        CourseFileStore store = new CourseFileStore(course);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> store.readQuestionSet(pipe)))
                .hasMessage("This is a named pipe (FIFO), not a file, so Lectern skips it without opening it.");
        assertThatThrownBy(() -> store.readQuestionSet(link)).hasMessageStartingWith("This is a link to "
                + secret.toRealPath() + ", outside the course folder;");
    }

    @Test
    void aCourseKeptInGitDoesNotListTheEditorsBackupsAsUntracked() throws Exception {
        Path file = set();
        org.junit.jupiter.api.Assumptions.assumeTrue(git("init", "-q") == 0, "git is not installed");
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<QuestionSetDocument> loaded = store.readQuestionSet(file);
        loaded.document().setTitle("Another title");

        CourseFileStore.SaveResult result = store.save(file, loaded.document().toBytes(), loaded.stamp());

        assertThat(result).isInstanceOf(CourseFileStore.Saved.class);
        assertThat(((CourseFileStore.Saved) result).backup()).isPresent();
        assertThat(Files.readString(course.resolve(".lectern/.gitignore"))).contains("*");
        Path listing = course.resolveSibling("status.txt");
        Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all").directory(course.toFile())
                .redirectErrorStream(true).redirectOutput(listing.toFile()).start();
        assertThat(status.waitFor()).isZero();
        assertThat(Files.readString(listing)).contains("questions/").doesNotContain(".lectern");
    }

    private int git(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
        command.addAll(java.util.List.of(args));
        try {
            return new ProcessBuilder(command).directory(course.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void aSaveReplacesTheFileKeepsTheOldOneAsABackupAndReturnsTheNewStamp() throws Exception {
        Path file = set();
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<QuestionSetDocument> loaded = store.readQuestionSet(file);
        loaded.document().setTitle("A better title");
        byte[] bytes = loaded.document().toBytes();

        CourseFileStore.SaveResult result = store.save(file, bytes, loaded.stamp());

        assertThat(result).isInstanceOf(CourseFileStore.Saved.class);
        CourseFileStore.Saved saved = (CourseFileStore.Saved) result;
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(saved.stamp().sameContent(CourseFileStore.stamp(file))).isTrue();
        assertThat(saved.backup()).isPresent();
        assertThat(Files.readString(saved.backup().get())).isEqualTo(CourseFolder.GOOD_SET);
        assertThat(saved.backup().get()).startsWith(course.resolve(".lectern/backups/questions"));
        try (var left = Files.list(file.getParent())) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("good-set.json");
        }
        // Saving again from the new stamp works: the stamp is what is on disk now.
        assertThat(store.save(file, utf8(CourseFolder.GOOD_SET), saved.stamp())).isInstanceOf(CourseFileStore.Saved.class);
    }

    @Test
    void temporaryFilesLeftByAKilledSaveAreRemovedByTheNextSaveOnceTheyAreOld() throws Exception {
        Path file = set();
        Path stale = file.resolveSibling(".good-set.json.123.tmp");
        Path fresh = file.resolveSibling(".good-set.json.456.tmp");
        Files.writeString(stale, "{ half");
        Files.writeString(fresh, "{ half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));

        new CourseFileStore(course).overwrite(file, utf8(CourseFolder.GOOD_SET));

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(CourseLoader.load(course).problems()).isEmpty();
    }

    @Test
    void aFileChangedOnDiskSinceItWasReadIsAConflictAndIsNotOverwritten() throws Exception {
        Path file = set();
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<byte[]> loaded = store.read(file);
        String theirs = CourseFolder.GOOD_SET.replace("Good questions", "Changed in another editor");
        Files.writeString(file, theirs);

        CourseFileStore.SaveResult result = store.save(file, utf8("mine"), loaded.stamp());

        assertThat(result).isInstanceOf(CourseFileStore.Conflict.class);
        CourseFileStore.Conflict conflict = (CourseFileStore.Conflict) result;
        assertThat(conflict.expected()).isEqualTo(loaded.stamp());
        assertThat(conflict.actual().sameContent(CourseFileStore.stamp(file))).isTrue();
        assertThat(Files.readString(file)).isEqualTo(theirs);
        assertThat(store.backups(file)).isEmpty();
    }

    @Test
    void aDeletedFileIsAConflictToo() throws Exception {
        Path file = set();
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<byte[]> loaded = store.read(file);
        Files.delete(file);

        CourseFileStore.SaveResult result = store.save(file, utf8("mine"), loaded.stamp());

        assertThat(result).isInstanceOf(CourseFileStore.Conflict.class);
        assertThat(((CourseFileStore.Conflict) result).actual()).isEqualTo(FileStamp.ABSENT);
        assertThat(file).doesNotExist();
    }

    @Test
    void touchingAFileWithoutChangingItIsNoConflict() throws Exception {
        Path file = set();
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<byte[]> loaded = store.read(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(store.save(file, utf8("mine"), loaded.stamp())).isInstanceOf(CourseFileStore.Saved.class);
    }

    @Test
    void afterAConflictOverwriteReplacesTheirVersionAndKeepsItAsTheBackup() throws Exception {
        Path file = set();
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<byte[]> loaded = store.read(file);
        Files.writeString(file, "theirs");
        assertThat(store.save(file, utf8("mine"), loaded.stamp())).isInstanceOf(CourseFileStore.Conflict.class);

        CourseFileStore.Saved saved = store.overwrite(file, utf8("mine"));

        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(Files.readString(saved.backup().orElseThrow())).isEqualTo("theirs");
    }

    @Test
    void afterAConflictSaveAsWritesANewFileAndRefusesToReplaceAnExistingOne() throws Exception {
        Path file = set();
        CourseFileStore store = new CourseFileStore(course);
        Path copy = course.resolve("questions/good-set-mine.json");

        assertThat(store.saveAs(copy, utf8("mine"))).isInstanceOf(CourseFileStore.Saved.class);
        assertThat(Files.readString(copy)).isEqualTo("mine");
        assertThat(store.saveAs(file, utf8("mine"))).isInstanceOf(CourseFileStore.Conflict.class);
        assertThat(Files.readString(file)).isEqualTo(CourseFolder.GOOD_SET);
    }

    @Test
    void onlyTheLastBackupsAreKeptAndTheLoaderNeverReadsThem() throws Exception {
        Path file = set();
        MutableClock clock = new MutableClock();
        CourseFileStore store = new CourseFileStore(course, 3, clock);
        for (int i = 0; i < 6; i++) {
            clock.now = clock.now.plus(Duration.ofMillis(i % 2 == 0 ? 0 : 1500));
            store.overwrite(file, utf8(CourseFolder.GOOD_SET.replace("Good questions", "Good questions " + i)));
        }
        assertThat(store.backups(file)).hasSize(3);
        assertThat(Files.readString(store.backups(file).get(2))).contains("Good questions 4");
        assertThat(Files.readString(store.backups(file).get(0))).contains("Good questions 2");

        LoadedCourse loaded = CourseLoader.load(course);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().questionSets()).hasSize(1);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
