package dev.lectern.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBackOnTheNextStart() {
        SettingsStore store = new SettingsStore(dir.resolve("config"));
        Settings saved = Settings.defaults().withCourseOpened("/courses/mfm").withSelectedReading("/courses/mfm", "llava")
                .withWindow(10, 20, 1000, 700, false, List.of(0.2, 0.8)).withTheme("dark").withZoom(1.3);

        store.save(saved);

        assertThat(new SettingsStore(dir.resolve("config")).load()).isEqualTo(saved);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new SettingsStore(dir).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void aDamagedFileGivesTheDefaultsAndIsKeptAside() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ \"theme\": ");

        assertThat(new SettingsStore(dir).load()).isEqualTo(Settings.defaults());
        assertThat(dir.resolve("settings.json.damaged")).hasContent("{ \"theme\": ");
    }

    @Test
    void recentCoursesKeepTheNewestFirstWithoutDuplicates() {
        Settings s = Settings.defaults();
        for (int i = 0; i < 12; i++) {
            s = s.withCourseOpened("/c" + i);
        }
        s = s.withCourseOpened("/c5");

        assertThat(s.recentCourses()).hasSize(Settings.MAX_RECENT).startsWith("/c5", "/c11", "/c10");
        assertThat(s.lastCourse()).isEqualTo("/c5");
    }
}
