package dev.lectern.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Lectern keeps the user's settings and data: the XDG folders on Linux, the platform's equivalents
 * elsewhere, each overridable by an environment variable (tests and portable installs use these).
 */
public record UserDirs(Path config, Path data) {

    /** The user's folders; the system properties lectern.config.dir and lectern.data.dir win over everything. */
    public static UserDirs fromEnvironment() {
        UserDirs dirs = from(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
        String config = System.getProperty("lectern.config.dir");
        String data = System.getProperty("lectern.data.dir");
        return new UserDirs(config == null ? dirs.config() : Path.of(config).toAbsolutePath(),
                data == null ? dirs.data() : Path.of(data).toAbsolutePath());
    }

    static UserDirs from(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path data;
        if (os.contains("win")) {
            Path appData = env(env, "APPDATA").map(Path::of).orElse(home.resolve("AppData/Roaming"));
            Path localAppData = env(env, "LOCALAPPDATA").map(Path::of).orElse(home.resolve("AppData/Local"));
            config = appData.resolve("Lectern");
            data = localAppData.resolve("Lectern");
        } else if (os.contains("mac")) {
            config = home.resolve("Library/Preferences/Lectern");
            data = home.resolve("Library/Application Support/Lectern");
        } else {
            config = env(env, "XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config")).resolve("lectern");
            data = env(env, "XDG_DATA_HOME").map(Path::of).orElse(home.resolve(".local/share")).resolve("lectern");
        }
        config = env(env, "LECTERN_CONFIG_DIR").map(Path::of).orElse(config);
        data = env(env, "LECTERN_DATA_DIR").map(Path::of).orElse(data);
        return new UserDirs(config.toAbsolutePath(), data.toAbsolutePath());
    }

    private static Optional<String> env(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
