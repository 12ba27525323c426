package dev.lectern.cli;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.anki.AnkiExporter;
import dev.lectern.interchange.anki.AnkiPackageExporter;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.pdf.PdfExporter;
import dev.lectern.store.ProgressStore;
import dev.lectern.study.Exam;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lectern export ...}: progress as plain files, the course as PDF study sheets and Anki notes. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes your progress to plain files, study sheets and exam reports to PDF, and question sets to"
                + " Anki.",
        subcommands = {ExportCommand.Reviews.class, ExportCommand.Pdf.class, ExportCommand.Anki.class,
                ExportCommand.Apkg.class})
final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to export: `lectern export reviews"
                + " --out FILE.csv`, `lectern export pdf --reading ID --out FILE.pdf` or `lectern export anki --set ID"
                + " --out FILE.txt` or `lectern export apkg --set ID --out FILE.apkg`.");
    }

    @Command(name = "reviews", mixinStandardHelpOptions = true,
            description = "Writes the whole review log to a CSV file: id, set_id, question_id, at (ISO-8601, UTC),"
                    + " rating (1-4), score, verdict, answer, taken_ms, mode; oldest first.")
    static final class Reviews extends StoreCli.StoreWork {

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
        Path out;

        @Override
        public int run(ProgressStore store, PrintWriter stdout) throws IOException {
            int count = store.exportCsv(out);
            stdout.println("Wrote " + count + (count == 1 ? " review" : " reviews") + " to " + out + ".");
            return 0;
        }
    }

    /**
     * An export of the course of {@code --course}, else the default one; errors in it are mentioned, not fatal.
     */
    abstract static class FromCourse extends PrintingCommand {

        @Mixin
        CourseOption course;

        @Override
        protected int run(PrintWriter out, PrintWriter err) throws IOException {
            checkOptions();
            LoadedCourse loaded = CourseLoader.load(course.dir());
            if (loaded.hasErrors()) {
                err.println("note: " + Summary.plural(loaded.errorCount(), "error") + " in the course left some of it"
                        + " out (`lectern validate` lists them).");
            }
            return export(loaded.course(), out, err);
        }

        /** Throws a usage error when the options do not go together. */
        void checkOptions() {
        }

        /** Writes the export of {@code course}; returns the exit code. */
        abstract int export(Course course, PrintWriter stdout, PrintWriter err) throws IOException;
    }

    /** An export that writes its file; null when it has already said why it wrote nothing. */
    @FunctionalInterface
    interface Export<R> {
        R write() throws IOException;
    }

    /**
     * Runs {@code export}; a reading, week, set or exam that does not exist, or a file that cannot be written, is
     * said on {@code err} and gives nothing.
     */
    static <R> Optional<R> write(Path out, PrintWriter err, Export<R> export) {
        try {
            return Optional.ofNullable(export.write());
        } catch (NoSuchElementException e) {
            err.println("lectern: " + e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            err.println("lectern: " + out + " could not be written: " + e.getMessage());
            return Optional.empty();
        } finally {
            err.flush();
        }
    }

    /** Says what was written where, and exits 0. */
    private static int wrote(PrintWriter stdout, String what, long bytes, Path out) {
        stdout.println("Wrote " + what + " (" + size(bytes) + ") to " + out + ".");
        stdout.flush();
        return 0;
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    @Command(name = "pdf", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes a PDF: a study sheet of a reading or a week (metadata, abstract, slide excerpts with"
                    + " their images, notes, and the questions with reference answers and key points), or the report"
                    + " of an exam (each question, the answer given, score and verdict, reference answer, total).",
                    "The text is real, selectable text in embedded DejaVu fonts. The file is written atomically.",
                    "Exit code: 0, 1 if the reading, week or exam does not exist or the file cannot be written, 2 on a"
                            + " usage error."})
    static final class Pdf extends FromCourse {

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        static final class What {
            @Option(names = "--reading", paramLabel = "ID", description = "A study sheet of this reading.")
            String reading;

            @Option(names = "--week", paramLabel = "N", description = "A study sheet of every reading of this week.")
            Integer week;

            @Option(names = "--exam", paramLabel = "ID",
                    description = "The report of this exam (from the progress in the data folder); `latest` is the"
                            + " most recently started one.")
            String exam;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF file to write.")
        Path out;

        @Option(names = "--hide-answers",
                description = "Study sheets: leave out the reference answers and key points, with ruled lines to write"
                        + " on instead, for testing yourself.")
        boolean hideAnswers;

        @Override
        void checkOptions() {
            if (hideAnswers && what.exam != null) {
                throw usageError("--hide-answers goes with --reading or"
                        + " --week, not --exam.");
            }
        }

        @Override
        int export(Course c, PrintWriter stdout, PrintWriter err) {
            PdfExporter exporter = new PdfExporter(c);
            Optional<PdfExporter.Result> written = write(out, err, () -> {
                if (what.reading != null) {
                    return exporter.exportReading(what.reading, hideAnswers, out);
                }
                if (what.week != null) {
                    return exporter.exportWeek(what.week, hideAnswers, out);
                }
                Optional<Exam> exam = findExam(c, err);
                return exam.isEmpty() ? null : exporter.exportExam(exam.get(), ZoneId.systemDefault(), out);
            });
            if (written.isEmpty()) {
                return 1;
            }
            PdfExporter.Result result = written.get();
            result.notes().forEach(n -> err.println("note: " + n));
            err.flush();
            return wrote(stdout, Summary.plural(result.pages(), "page"), result.bytes(), out);
        }

        private Optional<Exam> findExam(Course c, PrintWriter err) {
            try (ProgressStore store = StoreCli.open(spec, StoreCli.dataDir(spec, c))) {
                List<Exam> exams = store.exams().all();
                Optional<Exam> found = what.exam.equals("latest") ? exams.stream().findFirst()
                        : exams.stream().filter(e -> e.id().equals(what.exam)).findFirst();
                if (found.isEmpty()) {
                    err.println("lectern: " + (exams.isEmpty() ? "There are no exams in " + store.dataDir() + "."
                            : "There is no exam \"" + what.exam + "\". The latest are: " + String.join(", ",
                                    exams.stream().limit(5).map(e -> e.id() + " (" + e.title() + ")").toList())
                                    + "."));
                }
                return found;
            }
        }
    }

    @Command(name = "anki", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes question sets as Anki \"Notes in Plain Text\" (File > Import in Anki 2.1.55 or"
                    + " later, no settings to change): one Basic note per question with the prompt, the reference"
                    + " answer and key points as HTML, tags (the question's, set::ID, reading::ID) and a stable guid,"
                    + " so importing a later export again updates the notes instead of duplicating them. Decks are"
                    + " named Lectern::<course>::<set>. The file is written atomically.",
                    "Exit code: 0, 1 if the set does not exist or the file cannot be written, 2 on a usage error."})
    static final class Anki extends FromCourse {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--set", paramLabel = "ID", description = "The questions of this set.")
            String set;

            @Option(names = "--all", description = "Every question set of the course, each in its own deck.")
            boolean all;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE.txt", description = "The file to write.")
        Path out;

        @Override
        int export(Course c, PrintWriter stdout, PrintWriter err) {
            AnkiExporter exporter = new AnkiExporter(c);
            Optional<AnkiExporter.Result> written = write(out, err,
                    () -> which.set != null ? exporter.exportSet(which.set, out) : exporter.exportAll(out));
            return written.isEmpty() ? 1 : wrote(stdout, Summary.plural(written.get().notes(), "note"),
                    written.get().bytes(), out);
        }
    }

    @Command(name = "apkg", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes question sets as an Anki package (.apkg; File > Import in Anki 2.1.50 or later): one"
                    + " deck per set, named <course>::<set>, one note of the type \"Lectern Q&A\" per question (fields"
                    + " Prompt, Answer, Key points, Lectern id, Set, Reading) with a stable guid, so importing a later"
                    + " package updates the notes. Images inside the course folder go into the package. With"
                    + " --with-progress each card keeps its schedule from your reviews; otherwise all cards are new."
                    + " `lectern import anki FILE.apkg` gives the sets back as they were. The file is written"
                    + " atomically.",
                    "Exit code: 0, 1 if the set or reading does not exist or the file cannot be written, 2 on a usage"
                            + " error."})
    static final class Apkg extends FromCourse {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--set", paramLabel = "ID", description = "The questions of this set.")
            String set;

            @Option(names = "--reading", paramLabel = "ID", description = "The question sets of this reading.")
            String reading;

            @Option(names = "--all", description = "Every question set of the course, each in its own deck.")
            boolean all;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE.apkg", description = "The package to write.")
        Path out;

        @Option(names = "--with-progress",
                description = "Schedule the cards as your reviews in Lectern have (from the data folder): due,"
                        + " interval, reviews and lapses.")
        boolean withProgress;

        @Override
        int export(Course c, PrintWriter stdout, PrintWriter err) {
            Map<CardKey, CardState> progress = Map.of();
            if (withProgress) {
                try (ProgressStore store = StoreCli.open(spec, StoreCli.dataDir(spec, c))) {
                    progress = store.cardStates();
                }
            }
            AnkiPackageExporter exporter = new AnkiPackageExporter(c, progress, Clock.systemDefaultZone());
            Optional<AnkiPackageExporter.Result> written = write(out, err, () -> which.set != null
                    ? exporter.exportSet(which.set, out)
                    : which.reading != null ? exporter.exportReading(which.reading, out) : exporter.exportAll(out));
            if (written.isEmpty()) {
                return 1;
            }
            AnkiPackageExporter.Result result = written.get();
            String what = Summary.plural(result.notes(), "note") + (result.media() == 0 ? ""
                    : ", " + Summary.plural(result.media(), "image")) + (withProgress ? ", with progress" : "");
            return wrote(stdout, what, result.bytes(), out);
        }
    }
}
