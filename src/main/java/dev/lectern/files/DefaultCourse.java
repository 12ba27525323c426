package dev.lectern.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the course Lectern opens when none is named: {@code LECTERN_COURSE}, else the current directory if it
 * is a course, else the bundled course shipped inside the application (unpacked into the data folder).
 */
public final class DefaultCourse {

    static final String BUNDLE = "/dev/lectern/bundled-course";
    private static final String MARKER = ".lectern-bundle";

    private DefaultCourse() {
    }

    /** The default course folder, or empty if there is none anywhere (with the reason in the exception). */
    public static Path locate() throws IOException {
        return locate(System.getenv(), Path.of("").toAbsolutePath(), UserDirs.fromEnvironment());
    }

    static Path locate(Map<String, String> env, Path workingDir, UserDirs dirs) throws IOException {
        String named = env.get("LECTERN_COURSE");
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath().normalize();
        }
        if (looksLikeCourse(workingDir)) {
            return workingDir;
        }
        return bundled(dirs.data().resolve("bundled-course"));
    }

    /** The bundled course's folder (unpacked into the user's data folder when run from a jar), if this build has one. */
    public static Optional<Path> bundledFolder() {
        try {
            return Optional.of(bundled(UserDirs.fromEnvironment().data().resolve("bundled-course")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static boolean looksLikeCourse(Path dir) {
        return Files.isDirectory(dir.resolve("readings")) || Files.isDirectory(dir.resolve("questions"));
    }

    /**
     * The bundled course as a folder. When the application runs from its classes folder that folder is used
     * as it is; from a jar, the course is copied to {@code target} (once per build of the jar).
     */
    static Path bundled(Path target) throws IOException {
        URL url = DefaultCourse.class.getResource(BUNDLE + "/" + MARKER_SOURCE);
        if (url == null) {
            throw new IOException("This build of Lectern has no bundled course; name a course folder.");
        }
        try {
            return unpack(url.toURI(), target);
        } catch (URISyntaxException e) {
            throw new IOException("The bundled course cannot be located (" + e.getMessage() + ").", e);
        }
    }

    /**
     * The folder of the bundle whose marker file is at {@code uri}: the folder itself for a file URI, else a copy
     * in {@code target}, made again only when the jar has changed.
     */
    static Path unpack(URI uri, Path target) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri).getParent().getParent();
        }
        String stamp = stamp(uri);
        Path marker = target.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
            return target;
        }
        try (FileSystem jar = jarFileSystem(uri)) {
            Path source = jar.getPath(BUNDLE);
            Path fresh = Files.createDirectories(target.getParent()).resolve(target.getFileName() + ".unpacking");
            deleteTree(fresh);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path dest = fresh.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        try (InputStream in = Files.newInputStream(p)) {
                            Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.writeString(fresh.resolve(MARKER), stamp);
            deleteTree(target);
            AtomicFiles.moveAtomically(fresh, target);
        }
        return target;
    }

    /** A readings file that is always in the bundle; used to find the bundle on the class path. */
    private static final String MARKER_SOURCE = "readings/course.yaml";

    private static String stamp(URI jarUri) throws IOException {
        String spec = jarUri.getSchemeSpecificPart();
        int bang = spec.indexOf("!/");
        Path jarFile = Path.of(URI.create(bang >= 0 ? spec.substring(0, bang) : spec));
        return Files.size(jarFile) + ":" + Files.getLastModifiedTime(jarFile).toMillis();
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            FileSystems.getFileSystem(uri);
            // Already open elsewhere: open a private one on the jar file itself so closing it is ours to do.
            String spec = uri.getSchemeSpecificPart();
            return FileSystems.newFileSystem(Path.of(URI.create(spec.substring(0, spec.indexOf("!/")))));
        } catch (FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
