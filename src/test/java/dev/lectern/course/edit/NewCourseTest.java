package dev.lectern.course.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCourseTest {

    @TempDir
    Path dir;

    @Test
    void aNewCourseHasACourseFileASampleReadingAndASampleSetThatLoadWithoutProblems() throws Exception {
        Path course = dir.resolve("my course");

        NewCourse.create(course, "My \"first\" course");

        LoadedCourse loaded = CourseLoader.load(course);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().info().title()).isEqualTo("My \"first\" course");
        assertThat(loaded.course().readings()).extracting(Reading::id).containsExactly(NewCourse.SAMPLE_READING);
        assertThat(loaded.course().questionSets()).singleElement()
                .satisfies(set -> assertThat(set.questions()).hasSize(1));
        assertThat(loaded.course().reading(NewCourse.SAMPLE_READING).orElseThrow().slides()).hasSize(1);
    }

    @Test
    void aFolderThatHoldsACourseAlreadyIsRefusedAndLeftAlone() throws Exception {
        Files.createDirectories(dir.resolve("readings"));
        Files.writeString(dir.resolve("readings/course.yaml"), "title: Mine\n");

        assertThatThrownBy(() -> NewCourse.create(dir, "Another")).isInstanceOf(IOException.class)
                .hasMessageContaining("already has a readings/ or questions/ folder");
        assertThat(dir.resolve("readings/course.yaml")).hasContent("title: Mine");
    }

    @Test
    void aNewCourseIsGivenItsOwnIdMadeFromItsTitleWithARandomSuffix() throws Exception {
        NewCourse.create(dir.resolve("one"), "Stats 101: Fall");
        NewCourse.create(dir.resolve("two"), "Stats 101: Fall");

        String one = CourseLoader.load(dir.resolve("one")).course().info().id();
        String two = CourseLoader.load(dir.resolve("two")).course().info().id();

        assertThat(one).matches("stats-101-fall-[a-z0-9]{6}");
        assertThat(two).matches("stats-101-fall-[a-z0-9]{6}").isNotEqualTo(one);
        assertThat(Files.readString(dir.resolve("one/readings/course.yaml"))).startsWith("id: " + one + "\n");
    }
}
