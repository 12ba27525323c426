package dev.lectern.cli;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.files.UserDirs;
import dev.lectern.store.CourseData;
import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the progress commands share: the data folder (from {@code lectern --data-dir} or the environment) and, in it,
 * the data folder of a course's progress (see {@link CourseData}).
 */
final class StoreCli {

    private StoreCli() {
    }

    /** {@code --data-dir} given to {@code lectern}, else {@code LECTERN_DATA_DIR} or the platform's data folder. */
    static Path dataDir(CommandSpec spec) {
        Object root = spec.root().userObject();
        if (root instanceof LecternCommand lectern && lectern.dataDir != null) {
            return lectern.dataDir.toAbsolutePath();
        }
        return UserDirs.fromEnvironment().data();
    }

    /** The data folder of {@code course}'s progress: the data folder itself, or one of its own in it. */
    static Path dataDir(CommandSpec spec, Course course) {
        return CourseData.folderFor(dataDir(spec), course, CourseLoader::loadBundled);
    }

    /** The data folder of the course of {@code --course} if it was given, else the data folder itself. */
    static Path dataDir(CommandSpec spec, CourseOption course) {
        return course.given().map(dir -> dataDir(spec, CourseLoader.load(dir).course())).orElseGet(() -> dataDir(spec));
    }

    /** Opens the store and prints what it has to say (a repaired file, an upgrade, another Lectern …). */
    static ProgressStore open(CommandSpec spec) {
        return open(spec, dataDir(spec));
    }

    /** {@link #open(CommandSpec)} of the store in {@code dataDir}. */
    static ProgressStore open(CommandSpec spec, Path dataDir) {
        ProgressStore store = ProgressStore.open(dataDir, Clock.systemDefaultZone());
        PrintWriter err = spec.commandLine().getErr();
        store.notices().forEach(err::println);
        err.flush();
        return store;
    }

    /** What a command does with the open store, printing to standard output; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(ProgressStore store, PrintWriter out) throws IOException;
    }

    /**
     * Opens the store, does {@code work} with it and closes it; a failure to read or write is printed as its
     * message on standard error and exits 1.
     */
    static int withStore(CommandSpec spec, Path dataDir, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        try (ProgressStore store = open(spec, dataDir)) {
            int code = work.run(store, out);
            out.flush();
            return code;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    /**
     * A command that is all work with the open store: {@link #withStore} runs it, on the progress of the course of
     * {@code --course} when that is given, else on the data folder's own.
     */
    abstract static class StoreWork extends OnCourseData implements Work {

        @Override
        public Integer call() {
            return withStore(spec, dataDir(), this);
        }
    }

    /** A command on the progress of the course of {@code --course} when that is given, else the data folder's own. */
    abstract static class OnCourseData implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CourseOption course;

        /** The data folder of the store to open: that of {@code --course}'s progress, else the data folder itself. */
        Path dataDir() {
            return StoreCli.dataDir(spec, course);
        }
    }
}
