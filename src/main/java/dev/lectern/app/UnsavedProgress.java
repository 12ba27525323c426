package dev.lectern.app;

import dev.lectern.review.CardHistory;
import dev.lectern.review.CardKey;
import dev.lectern.review.CardState;
import dev.lectern.review.Fsrs;
import dev.lectern.review.ReviewRecord;
import dev.lectern.review.SchedulerSettings;
import dev.lectern.store.ExamStore;
import dev.lectern.store.Progress;
import dev.lectern.store.SaveResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress kept in memory for one run of the window, until the SQLite progress store is wired in.
 *
 * <p>TODO(store merge): replace with {@code ProgressStore.open(dataDir, clock)} in {@link LecternApp} and delete.
 */
final class UnsavedProgress implements Progress {

    private final List<ReviewRecord> log = new ArrayList<>();
    private final ExamStore exams;
    private SchedulerSettings settings = SchedulerSettings.defaults();

    UnsavedProgress(Path dataDir) {
        this.exams = new ExamStore(dataDir);
    }

    @Override
    public synchronized SaveResult append(ReviewRecord review) {
        log.add(review);
        return SaveResult.ok();
    }

    @Override
    public SaveResult retryPending() {
        return SaveResult.ok();
    }

    @Override
    public int pendingCount() {
        return 0;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public List<String> notices() {
        return List.of("Progress is not saved yet in this version: reviews last until the window closes.");
    }

    @Override
    public synchronized Map<CardKey, CardState> cardStates() {
        Map<CardKey, List<ReviewRecord>> byCard = new TreeMap<>();
        log.forEach(r -> byCard.computeIfAbsent(r.card(), k -> new ArrayList<>()).add(r));
        Fsrs fsrs = new Fsrs(settings);
        Map<CardKey, CardState> states = new LinkedHashMap<>();
        byCard.forEach((card, reviews) -> states.put(card, CardHistory.replay(card, reviews, fsrs)));
        return states;
    }

    @Override
    public synchronized List<ReviewRecord> reviews(Instant from, Instant to) {
        return log.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to)).toList();
    }

    @Override
    public synchronized int exportCsv(Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("set,question,at,rating,score,verdict,mode,taken_ms,answer\n");
            for (ReviewRecord r : log) {
                w.write(String.join(",", csv(r.card().setId()), csv(r.card().questionId()), r.at().toString(),
                        r.rating().label().toLowerCase(java.util.Locale.ROOT),
                        r.score().isPresent() ? String.valueOf(r.score().getAsInt()) : "",
                        r.verdict().map(v -> v.label()).orElse(""), r.mode().code(),
                        String.valueOf(r.taken().toMillis()), csv(r.answer())) + "\n");
            }
        }
        return log.size();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public synchronized SchedulerSettings schedulerSettings() {
        return settings;
    }

    @Override
    public synchronized void saveSchedulerSettings(SchedulerSettings updated) {
        settings = updated;
    }

    @Override
    public ExamStore exams() {
        return exams;
    }

    @Override
    public void close() {
        // Nothing to close.
    }
}
