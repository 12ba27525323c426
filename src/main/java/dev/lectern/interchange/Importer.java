package dev.lectern.interchange;

import dev.lectern.course.Problem;
import dev.lectern.course.load.Problems;
import dev.lectern.course.load.SourceFile;
import dev.lectern.files.AtomicFiles;
import dev.lectern.files.RegularFiles;
import dev.lectern.interchange.anki.AnkiImporter;
import dev.lectern.interchange.posts.PostImporter;
import dev.lectern.interchange.qa.QaImporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Imports what instructors already have into a course folder, in two steps so the app can show a preview:
 * {@link #plan} reads the files and says what would be written (and what was skipped, and why) without writing
 * anything; {@link #apply} writes the plan, each file atomically, never replacing a file that appeared or changed
 * since the plan was made. Neither throws on bad input: every problem is a report entry.
 */
public final class Importer {

    private static final Set<String> POST_EXTENSIONS = Set.of(".md", ".markdown", ".txt", ".html");
    private static final Set<String> QA_EXTENSIONS = Set.of(".txt", ".md", ".markdown");
    private static final Set<String> ANKI_EXTENSIONS = Set.of(".txt", ".csv", ".tsv", ".apkg");

    private Importer() {
    }

    /**
     * Reads {@code inputs} (files, or folders whose files are all read, in name order) as {@code kind} and plans
     * their import into {@code courseDir}, which need not exist yet. Writes nothing.
     */
    public static ImportPlan plan(ImportKind kind, List<Path> inputs, Path courseDir, ImportOptions options) {
        ImportReport.Builder report = new ImportReport.Builder();
        List<Path> files = expand(kind, inputs, report);
        PlanBuilder builder = new PlanBuilder(kind, courseDir, options, report, files);
        for (Path file : files) {
            if (kind == ImportKind.ANKI && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".apkg")) {
                try {
                    new AnkiImporter(builder, options).readPackage(file);
                } catch (RuntimeException e) {
                    report.skipped(file, 1, "Lectern could not import this package because of an internal error ("
                            + e.getClass().getSimpleName() + "); the other files were imported. Please report this.");
                }
                continue;
            }
            Problems problems = new Problems();
            java.util.Optional<String> text = SourceFile.read(file, problems);
            for (Problem p : problems.list()) {
                report.skipped(file, p.line(), p.message() + " Nothing in it was imported.");
            }
            if (text.isEmpty()) {
                continue;
            }
            String content = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
            try {
                switch (kind) {
                    case POSTS -> new PostImporter(builder).read(file, content);
                    case QA -> new QaImporter(builder).read(file, content);
                    case ANKI -> new AnkiImporter(builder, options).read(file, content);
                    default -> throw new IllegalStateException(kind.name());
                }
            } catch (RuntimeException | StackOverflowError e) {
                report.skipped(file, 1, "Lectern could not import this file because of an internal error ("
                        + e.getClass().getSimpleName() + "); the other files were imported. Please report this.");
            }
        }
        return builder.build();
    }

    private static List<Path> expand(ImportKind kind, List<Path> inputs, ImportReport.Builder report) {
        Set<String> extensions = switch (kind) {
            case POSTS -> POST_EXTENSIONS;
            case QA -> QA_EXTENSIONS;
            case ANKI -> ANKI_EXTENSIONS;
        };
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> inFolder = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(input)) {
                    for (Path p : stream) {
                        String name = p.getFileName().toString();
                        String lower = name.toLowerCase(Locale.ROOT);
                        if (name.startsWith(".") || !Files.isRegularFile(p)) {
                            continue;
                        }
                        if (extensions.stream().anyMatch(lower::endsWith)) {
                            inFolder.add(p);
                        } else {
                            report.skipped(p, 1, "This file is not read: " + kind.key() + " imports take "
                                    + String.join(", ", extensions.stream().sorted().toList()) + " files.");
                        }
                    }
                } catch (IOException e) {
                    report.skipped(input, 1, "This folder cannot be read (" + SourceFile.describe(e) + ").");
                }
                inFolder.sort(Comparator.comparing(p -> p.getFileName().toString()));
                files.addAll(inFolder);
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                report.skipped(input, 1, "There is no such file or folder.");
            }
        }
        return files;
    }

    /**
     * Writes the files of {@code plan}: readings first, then question sets, each to a temporary file that is
     * flushed to disk and then renamed into place. A file to create that exists by now, or a file to update that
     * changed since the plan was made, is not touched and is reported; the other files are still written.
     */
    public static ImportResult apply(ImportPlan plan) {
        List<Path> written = new ArrayList<>();
        List<ImportReport.Entry> failures = new ArrayList<>();
        List<ImportItem> ordered = new ArrayList<>(plan.writes());
        ordered.sort(Comparator.comparing(ImportItem::type));
        for (ImportItem item : ordered) {
            Path target = item.target();
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                if (item.action() == ImportItem.Action.CREATE) {
                    if (Files.exists(target)) {
                        failures.add(failure(target, "This file was created after the import was planned, so it is"
                                + " not overwritten; " + item.type().label() + " " + item.id() + " was not imported."));
                        continue;
                    }
                } else {
                    String now = Files.exists(target)
                            ? RegularFiles.readUtf8(target, null, SourceFile.MAX_BYTES) : null;
                    if (!item.previousContent().equals(now)) {
                        failures.add(failure(target, "This file changed after the import was planned, so it is not"
                                + " overwritten; import again to merge into the new version."));
                        continue;
                    }
                }
                writeAtomically(target, item.content(), item.action() == ImportItem.Action.CREATE);
                written.add(target);
            } catch (FileAlreadyExistsException e) {
                failures.add(failure(target, "This file was created after the import was planned, so it is not"
                        + " overwritten; " + item.type().label() + " " + item.id() + " was not imported."));
            } catch (IOException | RuntimeException e) {
                failures.add(failure(target, "This file could not be written (" + SourceFile.describe(e) + "); "
                        + item.type().label() + " " + item.id() + " was not imported."));
            }
        }
        return new ImportResult(written, failures);
    }

    private static ImportReport.Entry failure(Path file, String message) {
        return new ImportReport.Entry(file, 1, ImportReport.Kind.SKIPPED, message);
    }

    /**
     * Writes {@code content} to a temporary file next to {@code target}, forces it to disk and renames it over
     * {@code target}; with {@code createOnly} an existing target is never replaced.
     */
    static void writeAtomically(Path target, String content, boolean createOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".import-tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (createOnly) {
                try {
                    // A hard link fails if the target exists: no moment in which an existing file is replaced.
                    Files.createLink(target, tmp);
                } catch (FileAlreadyExistsException e) {
                    throw e;
                } catch (UnsupportedOperationException | IOException e) {
                    if (Files.exists(target)) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    AtomicFiles.moveAtomically(tmp, target);
                }
            } else {
                AtomicFiles.replace(tmp, target);
            }
            AtomicFiles.flushFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

}
