package dev.lectern.store.exams;

import dev.lectern.study.Exam;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exam files of earlier versions ({@code <data dir>/exams/*.json}), moved into the progress database by schema
 * version 2.
 */
public final class LegacyExamFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyExamFiles.class);
    static final String LEGACY_FOLDER = "exams";
    static final String IMPORTED_FOLDER = "exams.imported";

    private LegacyExamFiles() {
    }

    /**
     * Step of schema version 2: copies the exams of {@code <data dir>/exams/*.json} into the table. Files that cannot
     * be read are skipped (and stay where they are, like the others).
     */
    public static void importInto(Connection connection, Path dataDir) throws SQLException, IOException {
        Path folder = dataDir.resolve(LEGACY_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        int imported = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json");
                PreparedStatement insert = connection.prepareStatement(ExamStore.INSERT)) {
            for (Path file : files) {
                String json;
                try {
                    json = Files.readString(file);
                } catch (IOException e) {
                    LOG.warn("skipping exam file {}: {}", file, e.getMessage());
                    continue;
                }
                String id = file.getFileName().toString().replaceFirst("\\.json$", "");
                Optional<Exam> exam = ExamFile.parse(json, id, "exam file " + file);
                if (exam.isPresent()) {
                    ExamStore.bind(insert, exam.get());
                    insert.executeUpdate();
                    imported++;
                }
            }
        }
        LOG.info("imported {} exams from {}", imported, folder);
    }

    /**
     * After version 2 is committed: renames {@code exams/} to {@code exams.imported/} (or {@code exams.imported-2/}
     * …), so the files stay but are not imported again.
     *
     * @return what the user should be told, if anything
     */
    public static Optional<String> setAside(Path dataDir) {
        Path folder = dataDir.resolve(LEGACY_FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path target = dataDir.resolve(IMPORTED_FOLDER);
        for (int i = 2; Files.exists(target); i++) {
            target = dataDir.resolve(IMPORTED_FOLDER + "-" + i);
        }
        try {
            Files.move(folder, target);
            return Optional.of("Your saved exams are now kept in the progress database; the old exam files are in "
                    + target + ".");
        } catch (IOException e) {
            LOG.warn("{} could not be renamed after its exams were imported: {}", folder, e.getMessage());
            return Optional.of("Your saved exams are now kept in the progress database; the old exam files are still"
                    + " in " + folder + ".");
        }
    }
}
