package dev.lectern.cli;

import dev.lectern.files.UserDirs;
import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the progress commands share: the data folder (from {@code lectern --data-dir} or the environment). */
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

    /** Opens the store and prints what it has to say (a repaired file, an upgrade, another Lectern …). */
    static ProgressStore open(CommandSpec spec) {
        ProgressStore store = ProgressStore.open(dataDir(spec), Clock.systemDefaultZone());
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
    static int withStore(CommandSpec spec, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        try (ProgressStore store = open(spec)) {
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

    /** A command that is all work with the open store: {@link #withStore} runs it. */
    abstract static class StoreWork implements Callable<Integer>, Work {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, this);
        }
    }
}
