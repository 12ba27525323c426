package dev.lectern.ui.shell;

import dev.lectern.search.CourseIndex;
import dev.lectern.search.SearchResults;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search of the open course: its index (replaced when the course reloads) and the searches on it, in the
 * background; only the results of the latest query reach {@code show}, on the UI executor.
 */
final class CourseSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CourseSearch.class);
    private static final int MAX_HITS = 20;

    private final BiConsumer<String, Runnable> inBackground;
    private final Executor ui;
    private final Consumer<SearchResults> show;
    private final AtomicLong generation = new AtomicLong();
    private volatile CourseIndex index;

    /**
     * @param inBackground runs work in the background, reporting a failure under the name it is given
     * @param show         takes the results of the latest query (null when the query is blank)
     */
    CourseSearch(BiConsumer<String, Runnable> inBackground, Executor ui, Consumer<SearchResults> show) {
        this.inBackground = inBackground;
        this.ui = ui;
        this.show = show;
    }

    /** Searches with this index from now on, closing the one before. */
    void replaceIndex(CourseIndex built) {
        CourseIndex old = index;
        index = built;
        if (old != null) {
            old.close();
        }
    }

    /** Searches for {@code text} in the background; a blank query shows no results at once. */
    void search(String text) {
        long mine = generation.incrementAndGet();
        if (text == null || text.isBlank()) {
            show.accept(null);
            return;
        }
        CourseIndex current = index;
        if (current == null) {
            return;
        }
        inBackground.accept("Searching", () -> {
            SearchResults results;
            try {
                results = current.search(text, MAX_HITS);
            } catch (RuntimeException e) {
                // The index was replaced and closed under us; the newer index will search again.
                LOG.debug("search on a closed index", e);
                return;
            }
            ui.execute(() -> {
                if (mine == generation.get()) {
                    show.accept(results);
                }
            });
        });
    }

    @Override
    public void close() {
        replaceIndex(null);
    }
}
