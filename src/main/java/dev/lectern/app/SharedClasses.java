package dev.lectern.app;

import dev.lectern.files.AtomicFiles;

import dev.lectern.files.UserDirs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Class-data sharing for the window: {@code java -jar lectern.jar} cannot give the JVM options, so the window runs
 * in a second JVM that maps an archive of Lectern's classes (AppCDS), which saves much of loading them. The first
 * start writes the archive as it exits; later starts use it. The archive lives in the data folder, one per jar
 * and Java, and is made again when either changes. {@code LECTERN_CDS=off} runs the window in this JVM instead.
 */
final class SharedClasses {

    /** Set in the second JVM, so that it does not start a third. */
    static final String RELAUNCHED = "lectern.relaunched";
    /** When the first JVM started (ms since the epoch), so start-up times count from there. */
    static final String STARTED_AT = "lectern.startedAt";

    private SharedClasses() {
    }

    /**
     * " rss N" with this JVM's resident memory in MB (Linux, from /proc/self/status), for the "ready" line the start-up
     * bench reads; "" where that cannot be read.
     */
    static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    return " rss " + (kb + 512) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc
        }
        return "";
    }

    /** Milliseconds since this start of Lectern began, counting the first JVM when the window runs in a second. */
    static long millisSinceStart() {
        long start = Long.getLong(STARTED_AT, ManagementFactory.getRuntimeMXBean().getStartTime());
        return System.currentTimeMillis() - start;
    }

    /**
     * Runs {@code Main args} in a JVM with the class archive and returns its exit code; empty when this start
     * should not (or cannot) do that, and the caller goes on in this JVM.
     */
    static OptionalInt relaunch(String[] args) {
        if (Boolean.getBoolean(RELAUNCHED) || "off".equalsIgnoreCase(System.getenv("LECTERN_CDS"))) {
            return OptionalInt.empty();
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return OptionalInt.empty();
        }
        try {
            Path jar = Path.of(classPath).toAbsolutePath();
            Path dir = UserDirs.fromEnvironment().data().resolve("cds");
            Path archive = dir.resolve(archiveName(jar));
            boolean exists = Files.isRegularFile(archive);
            Path writing = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            if (!exists) {
                Files.createDirectories(dir);
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add(exists ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + writing);
            command.addAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-D" + RELAUNCHED + "=true",
                    "-D" + STARTED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime(),
                    "-cp", jar.toString(), Main.class.getName()));
            command.addAll(Arrays.asList(args));
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            // Its options are among the input arguments already.
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            Thread stopChild = new Thread(process::destroy, "lectern-stop-window");
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = waitFor(process);
            Runtime.getRuntime().removeShutdownHook(stopChild);
            if (!exists) {
                keep(writing, archive);
            }
            return OptionalInt.of(code);
        } catch (IOException | RuntimeException e) {
            // No second JVM: the window runs in this one, without the archive.
            return OptionalInt.empty();
        }
    }

    /** Waits for the window's JVM; an interrupt ends it, and is kept for the caller once it has ended. */
    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                    process.destroy();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One archive per jar (size and time) and Java (version and home). */
    private static String archiveName(Path jar) throws IOException {
        String stamp = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-"
                + Runtime.version() + "-" + Integer.toHexString(System.getProperty("java.home").hashCode());
        StringBuilder name = new StringBuilder("lectern-");
        for (char c : stamp.toLowerCase(Locale.ROOT).toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '+' || c == '-' ? c : '_');
        }
        return name.append(".jsa").toString();
    }

    /** Puts a freshly written archive in place and removes the ones of other jars or Javas. */
    private static void keep(Path written, Path archive) {
        try {
            if (!Files.isRegularFile(written)) {
                return;
            }
            AtomicFiles.replace(written, archive);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "lectern-*.jsa*")) {
                for (Path p : old) {
                    if (!p.equals(archive)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            // Next start tries again.
        }
    }
}
