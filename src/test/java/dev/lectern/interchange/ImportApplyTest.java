package dev.lectern.interchange;

import static dev.lectern.interchange.ImportFixtures.fixture;
import static dev.lectern.interchange.ImportFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportApplyTest {

    @TempDir
    Path dir;

    @Test
    void applyNeverOverwritesAFileCreatedAfterThePlan() throws IOException {
        Path course = dir.resolve("course");
        ImportPlan plan = plan(ImportKind.POSTS, course, fixture("posts-extra"));
        Path first = plan.writes().get(0).target();
        Files.createDirectories(first.getParent());
        Files.writeString(first, "written by the author meanwhile\n");

        ImportResult result = Importer.apply(plan);

        assertThat(Files.readString(first)).isEqualTo("written by the author meanwhile\n");
        assertThat(result.written()).hasSize(6).doesNotContain(first); // with the new course's course file
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(first);
            assertThat(f.message()).startsWith("This file was created after the import was planned, so it is not"
                    + " overwritten");
        });
    }

    @Test
    void anImportThatMakesANewCourseGivesItACourseFileWithAnIdOfItsOwn() throws IOException {
        Path course = dir.resolve("Imported Posts");
        ImportPlan plan = plan(ImportKind.POSTS, course, fixture("posts"));

        assertThat(plan.items()).filteredOn(i -> i.type() == ImportItem.Type.COURSE_FILE).singleElement()
                .satisfies(i -> assertThat(i.action()).isEqualTo(ImportItem.Action.CREATE));
        LoadedCourse loaded = ImportFixtures.applyAndLoad(plan);

        assertThat(loaded.course().info().id()).matches("imported-posts-[a-z0-9]{6}");
        assertThat(loaded.course().info().title()).isEqualTo("Imported Posts");
        assertThat(plan(ImportKind.ANKI, course, fixture("anki/pipe.txt")).items())
                .noneMatch(i -> i.type() == ImportItem.Type.COURSE_FILE);
    }

    @Test
    void applyDoesNotOverwriteASetThatChangedAfterThePlan() throws IOException {
        Path course = dir.resolve("course");
        ImportFixtures.applyAndLoad(plan(ImportKind.POSTS, course, fixture("posts")));
        ImportFixtures.applyAndLoad(plan(ImportKind.ANKI, course, fixture("anki/pipe.txt")));
        Path extra = dir.resolve("pipe.txt");
        Files.writeString(extra, "#separator:Pipe\nA new question?|A new answer.\n");
        ImportPlan plan = plan(ImportKind.ANKI, course, extra);
        ImportItem update = plan.questionSets().get(0);
        assertThat(update.action()).isEqualTo(ImportItem.Action.UPDATE);
        Files.writeString(update.target(), Files.readString(update.target()).replace("colour", "color"));

        ImportResult result = Importer.apply(plan);

        assertThat(result.written()).isEmpty();
        assertThat(result.failures()).extracting(ImportReport.Entry::message).containsExactly("This file changed after"
                + " the import was planned, so it is not overwritten; import again to merge into the new version.");
        assertThat(Files.readString(update.target())).contains("color").doesNotContain("A new question?");
    }

    @Test
    void applyWritesCompleteFilesAndLeavesNoTemporaryFiles() throws IOException {
        Path course = dir.resolve("course");
        ImportPlan plan = plan(ImportKind.POSTS, course, fixture("posts"));

        ImportResult result = Importer.apply(plan);

        assertThat(result.succeeded()).isTrue();
        for (ImportItem item : plan.writes()) {
            assertThat(Files.readString(item.target())).isEqualTo(item.content());
        }
        try (Stream<Path> files = Files.walk(course)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".") || name.endsWith(".import-tmp"));
        }
    }

    @Test
    void missingUnreadableAndOddInputsAreReportedNotThrown() throws IOException {
        Path notUtf8 = dir.resolve("latin1.md");
        Files.write(notUtf8, new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xE9, '\n'});
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        Path course = dir.resolve("course");

        for (ImportKind kind : ImportKind.values()) {
            ImportPlan plan = Importer.plan(kind, List.of(dir.resolve("missing.md"), notUtf8, empty), course,
                    ImportOptions.NONE);

            assertThat(plan.writes()).isEmpty();
            assertThat(plan.report().skipped()).extracting(e -> e.file().getFileName().toString())
                    .contains("missing.md", "latin1.md", "empty.txt");
            assertThat(plan.report().entries()).noneMatch(e -> e.message().contains("internal error"));
        }
        assertThat(course).doesNotExist();
    }

    @Test
    void garbledInputNeverStopsTheImport() throws IOException {
        String[] pieces = {"---", "title: [unclosed", "## Readings:", "### ", "+ ", "+ https://", "Week 8 Paper 1:",
                "1.", "Ans:", "#separator:", "#columns:", "\"", "\t", "{{c1::", "<div>", "<!--", "### - ", "2. Ans: x",
                "#tags column:0", "Paper 99: ", "tags:\n  -\n    - x", "\u0000", "## More readings", "é"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 60; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 25; i++) {
                text.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? "\n" : " ");
            }
            Path file = dir.resolve("garbled-" + round + ".txt");
            Files.writeString(file, text);
            for (ImportKind kind : ImportKind.values()) {
                ImportPlan plan = Importer.plan(kind, List.of(file), dir.resolve("course-" + round), ImportOptions.NONE);
                assertThat(plan.report().entries()).as(kind + " on " + text)
                        .noneMatch(e -> e.message().contains("internal error"));
                if (!plan.writes().isEmpty()) {
                    LoadedCourse loaded = ImportFixtures.applyAndLoad(plan);
                    assertThat(loaded.problems()).as(kind + " on " + text).isEmpty();
                }
            }
        }
    }
}
