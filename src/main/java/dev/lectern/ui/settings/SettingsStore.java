package dev.lectern.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as {@code settings.json} in the config folder. A missing or damaged file gives
 * the defaults (the damaged one is kept aside); writes are atomic, so a crash never leaves half a file.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = JSON.readValue(file.toFile(), Settings.class);
            return s == null ? Settings.defaults() : s;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} could not be read ({}); starting with default settings", file, e.getMessage());
            try {
                Files.move(file, file.resolveSibling("settings.json.damaged"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move the damaged settings aside", moveFailed);
            }
            return Settings.defaults();
        }
    }

    /** Writes atomically: a temporary file, flushed to disk, renamed over the old one. Failures are logged, not thrown. */
    public void save(Settings settings) {
        try {
            dev.lectern.files.AtomicFiles.write(file, JSON.writeValueAsBytes(settings));
        } catch (IOException e) {
            LOG.warn("settings could not be saved to {}: {}", file, e.getMessage());
        }
    }
}
