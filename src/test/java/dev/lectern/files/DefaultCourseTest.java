package dev.lectern.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.load.CourseLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultCourseTest {

    @TempDir
    Path dir;

    private UserDirs dirs() {
        return new UserDirs(dir.resolve("config"), dir.resolve("data"));
    }

    @Test
    void environmentVariableNamesTheDefaultCourse() throws IOException {
        Path named = dir.resolve("named");
        assertThat(DefaultCourse.locate(Map.of("LECTERN_COURSE", named.toString()), dir, dirs())).isEqualTo(named);
    }

    @Test
    void currentDirectoryIsTheDefaultCourseWhenItHoldsReadings() throws IOException {
        Files.createDirectories(dir.resolve("work/readings"));
        assertThat(DefaultCourse.locate(Map.of(), dir.resolve("work"), dirs())).isEqualTo(dir.resolve("work"));
    }

    @Test
    void bundledCourseFromClassesIsUsedInPlace() throws IOException {
        Path course = DefaultCourse.locate(Map.of(), dir, dirs());
        assertThat(course.resolve("readings/course.yaml")).exists();
        assertThat(CourseLoader.load(course).course().readings()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void bundledCourseInsideAJarIsUnpackedOnceAndRefreshedWhenTheJarChanges() throws Exception {
        Path jar = dir.resolve("lectern.jar");
        writeJar(jar, "first");
        URI resource = URI.create("jar:" + jar.toUri() + "!" + DefaultCourse.BUNDLE + "/readings/course.yaml");
        Path target = dir.resolve("data/bundled-course");

        Path unpacked = DefaultCourse.unpack(resource, target);

        assertThat(unpacked).isEqualTo(target);
        assertThat(target.resolve("readings/course.yaml")).hasContent("title: first");
        assertThat(target.resolve("questions/set.json")).exists();
        Files.writeString(target.resolve("readings/marker.txt"), "left by the user's copy");

        DefaultCourse.unpack(resource, target);
        assertThat(target.resolve("readings/marker.txt")).as("unchanged jar: not unpacked again").exists();

        writeJar(jar, "second, a longer title");
        DefaultCourse.unpack(resource, target);
        assertThat(target.resolve("readings/course.yaml")).hasContent("title: second, a longer title");
        assertThat(target.resolve("readings/marker.txt")).doesNotExist();
    }

    private static void writeJar(Path jar, String title) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            String base = DefaultCourse.BUNDLE.substring(1) + "/";
            zip.putNextEntry(new ZipEntry(base + "readings/course.yaml"));
            zip.write(("title: " + title).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(base + "questions/set.json"));
            zip.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void userDirsFollowXdgAndLecternOverrides() {
        Path home = Path.of("/home/ada");
        assertThat(UserDirs.from(Map.of(), "Linux", home))
                .isEqualTo(new UserDirs(Path.of("/home/ada/.config/lectern"), Path.of("/home/ada/.local/share/lectern")));
        assertThat(UserDirs.from(Map.of("XDG_CONFIG_HOME", "/x/cfg", "XDG_DATA_HOME", "/x/data"), "Linux", home))
                .isEqualTo(new UserDirs(Path.of("/x/cfg/lectern"), Path.of("/x/data/lectern")));
        assertThat(UserDirs.from(Map.of("LECTERN_DATA_DIR", "/portable/data"), "Linux", home).data())
                .isEqualTo(Path.of("/portable/data"));
        assertThat(UserDirs.from(Map.of(), "Mac OS X", home).config())
                .isEqualTo(Path.of("/home/ada/Library/Preferences/Lectern"));
    }
}
