package dev.lectern.store;

import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.sqlite.Sqlite;
import dev.lectern.store.sqlite.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code setting} table: the scheduler's settings, one key a row, and the version of the scheduler that computed
 * the card states.
 */
final class SettingsTable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsTable.class);

    private SettingsTable() {
    }

    /** The keys that say when the settings were last changed, and on which device (newest change wins in a sync). */
    static final String CHANGED_AT = "changed_at";
    static final String CHANGED_BY = "changed_by";

    /** Saves the settings in one committed transaction, as changed on this device at {@code changedAt}. */
    static void write(Connection connection, SchedulerSettings s, java.time.Instant changedAt) throws SQLException {
        Transaction.write(connection, c -> {
            write(c, values(s), changedAt.toEpochMilli(), ReviewTable.device(c));
            return null;
        });
    }

    /** Saves settings as {@link #values} gives them, changed at {@code changedAt} on {@code device}; in a transaction. */
    static void write(Connection c, Map<String, String> settings, long changedAt, String device) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>(settings);
        values.put(CHANGED_AT, Long.toString(changedAt));
        values.put(CHANGED_BY, device);
        try (PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                put.setString(1, e.getKey());
                put.setString(2, e.getValue());
                put.executeUpdate();
            }
        }
    }

    /** The settings as the table keeps them, one string a key. */
    static Map<String, String> values(SchedulerSettings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("desired_retention", Double.toString(s.desiredRetention()));
        values.put("maximum_interval_days", Integer.toString(s.maximumIntervalDays()));
        values.put("new_per_day", Integer.toString(s.newPerDay()));
        values.put("fuzz", Boolean.toString(s.fuzz()));
        values.put("weights", String.join(",", s.weights().stream().map(String::valueOf).toList()));
        values.put("learning_steps", seconds(s.learningSteps()));
        values.put("relearning_steps", seconds(s.relearningSteps()));
        values.put("rescheduling", String.join(",", s.rescheduling().stream().map(ReviewMode::code).toList()));
        return values;
    }

    /** The saved values of every key (settings, their change stamp, the device id …). */
    static Map<String, String> saved(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT key, value FROM setting");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    private static String seconds(List<Duration> steps) {
        return String.join(",", steps.stream().map(d -> Long.toString(d.toSeconds())).toList());
    }

    /** The saved settings, each missing one taken from {@code defaults}; all of them when the saved ones are unusable. */
    static SchedulerSettings load(Connection c, SchedulerSettings defaults) throws SQLException {
        return parse(saved(c), defaults);
    }

    /** The settings of {@code values} ({@link #values}), each missing one from {@code defaults}; all when unusable. */
    static SchedulerSettings parse(Map<String, String> values, SchedulerSettings defaults) {
        SchedulerSettings s = defaults;
        try {
            if (values.containsKey("weights")) {
                s = new SchedulerSettings(Arrays.stream(values.get("weights").split(",")).map(String::strip)
                        .map(Double::valueOf).toList(), s.desiredRetention(), s.maximumIntervalDays(), s.newPerDay(),
                        s.fuzz(), steps(values.get("learning_steps"), s.learningSteps()),
                        steps(values.get("relearning_steps"), s.relearningSteps()));
            }
            if (values.containsKey("desired_retention")) {
                s = s.withDesiredRetention(Double.parseDouble(values.get("desired_retention")));
            }
            if (values.containsKey("maximum_interval_days")) {
                s = s.withMaximumIntervalDays(Integer.parseInt(values.get("maximum_interval_days")));
            }
            if (values.containsKey("new_per_day")) {
                s = s.withNewPerDay(Integer.parseInt(values.get("new_per_day")));
            }
            if (values.containsKey("fuzz")) {
                s = s.withFuzz(Boolean.parseBoolean(values.get("fuzz")));
            }
            if (values.containsKey("rescheduling")) {
                s = s.withRescheduling(Arrays.stream(values.get("rescheduling").split(",")).map(String::strip)
                        .filter(code -> !code.isEmpty()).map(ReviewMode::fromCode)
                        .collect(java.util.stream.Collectors.toSet()));
            }
        } catch (RuntimeException e) {
            LOG.warn("the saved scheduler settings cannot be used ({}); using the defaults", e.getMessage());
            s = defaults;
        }
        return s;
    }

    private static List<Duration> steps(String value, List<Duration> otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .toList();
    }

    /** The scheduler version the card states were computed by; empty in a database from before it was kept. */
    static List<String> schedulerVersion(Connection c) throws SQLException {
        return Sqlite.queryStrings(c, "SELECT value FROM setting WHERE key = 'scheduler'");
    }

    static void putSchedulerVersion(Connection c, String version) throws SQLException {
        try (PreparedStatement put = c.prepareStatement(
                "INSERT OR REPLACE INTO setting (key, value) VALUES ('scheduler', ?)")) {
            put.setString(1, version);
            put.executeUpdate();
        }
    }
}
