package dev.lectern.course.load;

import dev.lectern.course.Course;
import dev.lectern.course.CourseInfo;
import dev.lectern.course.Problem;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.Session;
import dev.lectern.course.Week;
import dev.lectern.course.internal.CourseSyntax;
import dev.lectern.files.DefaultCourse;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads a course folder ({@code readings/} and {@code questions/}) into a {@link Course}, with every problem
 * found. A bad file never stops the others from loading, and nothing is thrown past {@link #load}.
 */
public final class CourseLoader {

    private static final Set<String> IGNORED_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
            ".pdf", ".bak", ".swp", ".tmp", "~");

    private CourseLoader() {
    }

    /** The bundled course (see {@link DefaultCourse#bundledFolder}), loaded; empty if this build has none. */
    public static Optional<Course> loadBundled() {
        return DefaultCourse.bundledFolder().map(dir -> load(dir).course());
    }

    /** Loads the course in {@code courseDir}. Files are read in parallel; the result is the same for any order. */
    public static LoadedCourse load(Path courseDir) {
        return load(courseDir, Map.of());
    }

    /**
     * Loads the course as if each file in {@code unsaved} (absolute paths in {@code readings/} or
     * {@code questions/}) held those bytes: what an editor shows before it saves. Files that do not exist yet are
     * included.
     */
    public static LoadedCourse load(Path courseDir, Map<Path, byte[]> unsaved) {
        Map<Path, byte[]> overrides = new java.util.HashMap<>();
        unsaved.forEach((path, bytes) -> overrides.put(path.toAbsolutePath().normalize(), bytes));
        Path root = courseDir.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(root, 1, 1, Files.exists(root)
                    ? "This is a file, not a course folder; a course folder holds readings/ and questions/."
                    : "The course folder does not exist."));
            return new LoadedCourse(emptyCourse(root), problems);
        }
        Path readingsDir = root.resolve("readings");
        Path questionsDir = root.resolve("questions");
        if (!Files.isDirectory(readingsDir) && !Files.isDirectory(questionsDir)) {
            problems.add(Problem.error(root, 1, 1,
                    "This folder has neither readings/ nor questions/ in it, so it is not a Lectern course."));
            return new LoadedCourse(emptyCourse(root), problems);
        }
        List<Path> readingFiles = withUnsaved(list(readingsDir, true, problems), readingsDir, overrides);
        List<Path> setFiles = withUnsaved(list(questionsDir, false, problems), questionsDir, overrides);

        List<FileResult> results = new ArrayList<>();
        for (Path f : readingFiles) {
            results.add(new FileResult(f, Kind.of(f, true)));
        }
        for (Path f : setFiles) {
            results.add(new FileResult(f, Kind.of(f, false)));
        }
        results.parallelStream().forEach(r -> r.read(root, overrides.get(r.file.toAbsolutePath().normalize())));

        Problems cross = new Problems();
        CourseFileParser.Parsed courseFile = CourseFileParser.Parsed.NONE;
        Map<String, Reading> readings = new LinkedHashMap<>();
        Map<String, ReadingFields.ParsedReading> readingOrigins = new LinkedHashMap<>();
        Map<String, QuestionSetParser.Parsed> sets = new LinkedHashMap<>();
        for (FileResult r : results) {
            problems.addAll(r.problems.list());
            if (r.courseFile != null) {
                courseFile = r.courseFile;
            }
            if (r.reading != null) {
                String id = r.reading.reading().id();
                ReadingFields.ParsedReading first = readingOrigins.get(id);
                if (first != null) {
                    cross.error(r.file, r.reading.idLine(), r.reading.idColumn(), "Another reading already has the id \""
                            + id + "\" (" + root.relativize(first.reading().source().file())
                            + "); ids must be unique, so this one is left out.");
                } else {
                    readings.put(id, r.reading.reading());
                    readingOrigins.put(id, r.reading);
                }
            }
            if (r.set != null) {
                QuestionSetParser.Parsed first = sets.get(r.set.set().id());
                if (first != null) {
                    cross.error(r.file, r.set.idLine(), r.set.idColumn(), "Another question set already has the id \""
                            + r.set.set().id() + "\" (" + root.relativize(first.set().source().file())
                            + "); ids must be unique, so this one is left out.");
                } else {
                    sets.put(r.set.set().id(), r.set);
                }
            }
        }
        List<QuestionSet> questionSets = new ArrayList<>();
        Map<String, Path> unloaded = new LinkedHashMap<>(); // reading files that did not load, by their name's stem
        for (Path f : readingFiles) {
            String name = f.getFileName().toString();
            String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            if (!readings.containsKey(stem)) {
                unloaded.put(stem, f);
            }
        }
        for (QuestionSetParser.Parsed parsed : sets.values()) {
            questionSets.add(checkDrilledReadings(parsed, readings, unloaded, root, cross));
        }
        for (ReadingFields.ParsedReading parsed : readingOrigins.values()) {
            for (Node node : parsed.questionSetNodes()) {
                if (node instanceof Node.ScalarNode scalar && scalar.value() instanceof String setId
                        && !setId.isBlank() && !sets.containsKey(setId.strip())) {
                    cross.warning(parsed.reading().source().file(), node.line(), node.column(), "The question set \""
                            + setId.strip() + "\" does not exist" + suggestion(setId.strip(), sets.keySet()));
                }
            }
        }
        problems.addAll(cross.list());
        problems.sort(Problem.IN_FILE_ORDER);

        List<Reading> ordered = readings.values().stream()
                .sorted(Comparator.comparingInt(Reading::week)
                        .thenComparingInt(r -> r.session().map(Session::number).orElse(0))
                        .thenComparing(r -> r.shortTitle().toLowerCase(Locale.ROOT)))
                .toList();
        String title = courseFile.title().orElse(root.getFileName() == null ? "Course" : root.getFileName().toString());
        CourseInfo info = new CourseInfo(courseFile.id().orElseGet(() -> CourseSyntax.derivedCourseId(title)), title,
                courseFile.term(), weeks(courseFile.weeks(), ordered));
        return new LoadedCourse(new Course(root, info, ordered, questionSets), problems);
    }

    private static QuestionSet checkDrilledReadings(QuestionSetParser.Parsed parsed, Map<String, Reading> readings,
            Map<String, Path> unloaded, Path root, Problems cross) {
        QuestionSet set = parsed.set();
        List<String> existing = new ArrayList<>();
        for (Node node : parsed.readingNodes()) {
            if (!(node instanceof Node.ScalarNode scalar) || !(scalar.value() instanceof String id) || id.isBlank()) {
                continue;
            }
            String readingId = id.strip();
            if (readings.containsKey(readingId)) {
                existing.add(readingId);
            } else if (unloaded.containsKey(readingId)) {
                cross.error(set.source().file(), node.line(), node.column(), "This set drills the reading \"" + readingId
                        + "\", which did not load: fix the problem in " + root.relativize(unloaded.get(readingId))
                        + " and it comes back.");
            } else {
                cross.error(set.source().file(), node.line(), node.column(), "This set drills the reading \"" + readingId
                        + "\", which does not exist" + suggestion(readingId, readings.keySet()));
            }
        }
        if (existing.size() == set.readingIds().size()) {
            return set;
        }
        return new QuestionSet(set.id(), set.title(), existing, set.questions(), set.source());
    }

    /** Ends a sentence: with a question naming the closest id, or with a full stop. */
    private static String suggestion(String id, Set<String> known) {
        return Fields.closest(id, known).map(k -> "; did you mean \"" + k + "\"?").orElse(".");
    }

    private static List<Week> weeks(List<Week> declared, List<Reading> readings) {
        Map<Integer, Week> weeks = new TreeMap<>();
        for (Week w : declared) {
            weeks.put(w.number(), w);
        }
        for (Reading r : readings) {
            weeks.putIfAbsent(r.week(), new Week(r.week(), "Week " + r.week()));
        }
        return List.copyOf(weeks.values());
    }

    private static Course emptyCourse(Path root) {
        String name = root.getFileName() == null ? "Course" : root.getFileName().toString();
        return new Course(root, new CourseInfo(CourseSyntax.derivedCourseId(name), name, Optional.empty(), List.of()),
                List.of(), List.of());
    }

    /**
     * The files of {@code dir} to read, in name order. Sub-folders are passed over (images live in them), but one
     * named like a course file is reported; named pipes, devices and the like are listed, and skipped when read.
     */
    private static List<Path> list(Path dir, boolean readings, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("#")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    if (Kind.of(p, readings).isCourseFile()) {
                        problems.add(Problem.warning(p, 1, 1, "This is a folder named like a " + (readings
                                ? "reading" : "question set") + ", so it is skipped: " + (readings ? "readings are .md"
                                        + " or .json files" : "question sets are .json files") + ", not folders."));
                    }
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (IGNORED_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                    continue;
                }
                files.add(p);
            }
        } catch (IOException e) {
            problems.add(Problem.error(dir, 1, 1, "This folder cannot be read (" + SourceFile.describe(e) + ")."));
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    private static List<Path> withUnsaved(List<Path> listed, Path dir, Map<Path, byte[]> overrides) {
        List<Path> files = new ArrayList<>(listed);
        Path folder = dir.toAbsolutePath().normalize();
        for (Path p : overrides.keySet()) {
            if (folder.equals(p.getParent()) && files.stream().noneMatch(f -> f.toAbsolutePath().normalize().equals(p))) {
                files.add(p);
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /** What a file in the course folder is taken to be. */
    private enum Kind {
        MARKDOWN_READING, JSON_READING, COURSE_FILE, QUESTION_SET, UNKNOWN_IN_READINGS, UNKNOWN_IN_QUESTIONS;

        static Kind of(Path file, boolean inReadings) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (inReadings) {
                if (name.equals(CourseFileParser.FILE_NAME)) {
                    return COURSE_FILE;
                }
                if (name.endsWith(".md")) {
                    return MARKDOWN_READING;
                }
                return name.endsWith(".json") ? JSON_READING : UNKNOWN_IN_READINGS;
            }
            return name.endsWith(".json") ? QUESTION_SET : UNKNOWN_IN_QUESTIONS;
        }

        boolean isCourseFile() {
            return this != UNKNOWN_IN_READINGS && this != UNKNOWN_IN_QUESTIONS;
        }
    }

    /** One file's outcome; filled in by {@link #read}, possibly on another thread. */
    private static final class FileResult {
        final Path file;
        final Kind kind;
        final Problems problems = new Problems();
        ReadingFields.ParsedReading reading;
        QuestionSetParser.Parsed set;
        CourseFileParser.Parsed courseFile;

        FileResult(Path file, Kind kind) {
            this.file = file;
            this.kind = kind;
        }

        void read(Path root, byte[] unsaved) {
            try {
                switch (kind) {
                    case UNKNOWN_IN_READINGS -> problems.warning(file, 1, 1, "This file is not a reading (readings are"
                            + " .md or .json files, plus course.yaml) and is ignored.");
                    case UNKNOWN_IN_QUESTIONS -> problems.warning(file, 1, 1, "This file is not a question set"
                            + " (question sets are .json files) and is ignored.");
                    default -> (unsaved != null ? SourceFile.decode(file, unsaved, problems)
                            : SourceFile.read(file, root, problems)).ifPresent(text -> parse(root, text));
                }
            } catch (RuntimeException | StackOverflowError e) {
                // Parsers report problems rather than throw; this is the last line of defence.
                problems.error(file, 1, 1, "Lectern could not read this file because of an internal error ("
                        + e.getClass().getSimpleName() + "). The rest of the course loaded; please report this.");
            }
        }

        private void parse(Path root, String text) {
            switch (kind) {
                case MARKDOWN_READING -> reading = new MarkdownReadingParser(root).parse(file, text, problems).orElse(null);
                case JSON_READING -> reading = new JsonReadingParser(root).parse(file, text, problems).orElse(null);
                case QUESTION_SET -> set = new QuestionSetParser().parse(file, text, problems).orElse(null);
                case COURSE_FILE -> courseFile = new CourseFileParser().parse(file, text, problems);
                default -> throw new IllegalStateException(kind.name());
            }
        }

    }
}
