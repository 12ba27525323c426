package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviews a store holds that are not committed yet, in order, and which of them are in its journal on disk
 * ({@link UnsavedReviews}).
 */
final class PendingReviews implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingReviews.class);

    private final List<ReviewRecord> reviews = new ArrayList<>();
    private final Set<ReviewRecord> journaled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final UnsavedReviews journal;
    /** Whether some may be in the log already (journaled, so another store may have imported them; or followed). */
    private boolean mayBeLogged;

    PendingReviews(UnsavedReviews journal) {
        this.journal = journal;
    }

    void add(ReviewRecord review) {
        reviews.add(review);
    }

    /**
     * Puts first the reviews a connection to a file that is gone held: the next commit writes those the new file
     * lacks.
     */
    void addHeld(List<ReviewRecord> held) {
        reviews.addAll(0, held);
        mayBeLogged = true;
    }

    /** The reviews, oldest first (a view). */
    List<ReviewRecord> list() {
        return Collections.unmodifiableList(reviews);
    }

    int size() {
        return reviews.size();
    }

    boolean isEmpty() {
        return reviews.isEmpty();
    }

    /** {@code states} with these reviews applied, by {@code fsrs}. */
    Map<CardKey, CardState> applyTo(Map<CardKey, CardState> states, Fsrs fsrs) {
        for (ReviewRecord r : reviews) {
            if (fsrs.settings().reschedules(r.mode())) {
                CardState before = states.getOrDefault(r.card(), CardState.NEW);
                states.put(r.card(), CardTable.asStored(fsrs.apply(before, r)));
            }
        }
        return states;
    }

    /** {@code saved} with those of these reviews that {@code keep} takes, by time (saved ones first at one time). */
    List<ReviewRecord> mergeInto(List<ReviewRecord> saved, Predicate<ReviewRecord> keep) {
        List<ReviewRecord> waiting = reviews.stream().filter(keep).toList();
        if (waiting.isEmpty()) {
            return saved;
        }
        saved.addAll(waiting);
        saved.sort(Comparator.comparing(ReviewRecord::at)); // stable
        return saved;
    }

    /** How many of the first reviews a commit must look for in the log before writing them. */
    int toCheck() {
        return mayBeLogged ? reviews.size() : 0;
    }

    /** All of them are committed: the journal goes too. */
    void committed() {
        reviews.clear();
        journaled.clear();
        mayBeLogged = false;
        journal.discard();
    }

    /**
     * Puts the reviews not yet in the journal there, flushed to disk.
     *
     * @param db the database they are meant for, named in the sentence
     * @return the sentence that says where they are kept
     */
    String keep(Path db) {
        mayBeLogged = true;
        List<ReviewRecord> fresh = reviews.stream().filter(r -> !journaled.contains(r)).toList();
        try {
            Path kept = fresh.isEmpty() && !journal.files().isEmpty() ? journal.files().get(0) : journal.keep(fresh);
            journaled.addAll(fresh);
            return (reviews.size() == 1 ? "It is" : "They are") + " kept in " + kept + " and saved as soon as Lectern"
                    + " can write to " + db + ".";
        } catch (IOException e) {
            LOG.info("{} reviews could be kept in no journal: {}", fresh.size(), e.getMessage());
            return "It could not be kept in a file either (" + Plain.reason(e) + "), so it is only in memory: keep"
                    + " Lectern open until it can save it.";
        }
    }

    /** Where the journal is, when there is one. */
    Optional<Path> journalFile() {
        return journal.files().stream().findFirst();
    }

    Path fallbackFolder() {
        return journal.fallbackFolder();
    }

    /** Lets go of the journal; one that still holds reviews stays for the next Lectern. */
    @Override
    public void close() {
        journal.close();
    }
}
