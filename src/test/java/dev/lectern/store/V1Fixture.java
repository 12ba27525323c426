package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.sqlite.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code src/test/resources/dev/lectern/store/progress-v1.db}: a progress database at schema version 1 (no exam
 * table), as Lectern's first SQLite release wrote it, with {@link #REVIEWS} reviews of {@link #CARDS} cards
 * ({@code Reviews.random(1, 40, 6, T0)}), their card states and two settings. Run it again only if version 1 itself
 * changes (it never should). The card states are scheduled by the settings saved in it:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     dev.lectern.store.V1Fixture src/test/resources/dev/lectern/store/progress-v1.db
 * </pre>
 */
final class V1Fixture {

    static final String RESOURCE = "progress-v1.db";
    static final int REVIEWS = 40;
    static final int CARDS = 6;

    private V1Fixture() {
    }

    static List<ReviewRecord> reviews() {
        return Reviews.random(1, REVIEWS, CARDS, Reviews.T0);
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args[0]));
    }

    static void write(Path file) throws Exception {
        Files.deleteIfExists(file);
        try (Connection c = Sqlite.inMemory()) {
            Schema.migrate(c, file.getParent(), 1);
            Fsrs fsrs = new Fsrs(SchedulerSettings.defaults().withDesiredRetention(0.85).withNewPerDay(12));
            Map<CardKey, CardState> states = new HashMap<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO review (set_id, question_id, at, rating,"
                    + " score, verdict, answer, taken_ms, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement card = c.prepareStatement("INSERT OR REPLACE INTO card VALUES"
                            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ReviewRecord r : reviews()) {
                    insert.setString(1, r.card().setId());
                    insert.setString(2, r.card().questionId());
                    insert.setLong(3, r.at().toEpochMilli());
                    insert.setInt(4, r.rating().number());
                    insert.setObject(5, r.score().isPresent() ? r.score().getAsInt() : null);
                    insert.setString(6, r.verdict().map(v -> v.label()).orElse(null));
                    insert.setString(7, r.answer());
                    insert.setLong(8, r.taken().toMillis());
                    insert.setString(9, r.mode().code());
                    insert.executeUpdate();
                    CardState s = fsrs.next(states.getOrDefault(r.card(), CardState.NEW), r.rating(), r.at(),
                            Fsrs.fuzzFor(r.card(), r.at()));
                    states.put(r.card(), s);
                    card.setString(1, r.card().setId());
                    card.setString(2, r.card().questionId());
                    card.setString(3, s.phase().name().toLowerCase(java.util.Locale.ROOT));
                    card.setInt(4, s.step());
                    card.setDouble(5, s.stability());
                    card.setDouble(6, s.difficulty());
                    card.setObject(7, s.due().map(d -> d.toEpochMilli()).orElse(null));
                    card.setObject(8, s.lastReview().map(d -> d.toEpochMilli()).orElse(null));
                    card.setInt(9, s.reps());
                    card.setInt(10, s.lapses());
                    card.executeUpdate();
                }
            }
            Sqlite.exec(c, "INSERT INTO setting VALUES ('desired_retention', '0.85'), ('new_per_day', '12')");
            Sqlite.exec(c, "VACUUM INTO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }
}
