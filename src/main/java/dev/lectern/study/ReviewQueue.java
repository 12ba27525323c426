package dev.lectern.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The questions of one review session, in order, as Anki keeps them: a question rated into a learning step comes back
 * at the end of the queue. The counter tells apart the questions still to see for the first time ("left") and those
 * coming back for a learning step ("learning"), so it never grows while the student rates. The last rating can be
 * taken back. Pure: the caller says what each rating did.
 *
 * @param <K> what identifies a question
 */
public final class ReviewQueue<K> {

    private final List<K> queue;
    private final Map<K, Integer> ratedTimes = new HashMap<>();
    /** For each rating given, whether it sent the question to the end of the queue. */
    private final List<Boolean> requeued = new ArrayList<>();
    private int index;

    public ReviewQueue(List<K> questions) {
        queue = new ArrayList<>(questions);
        queue.forEach(Objects::requireNonNull);
    }

    public boolean done() {
        return index >= queue.size();
    }

    /** The question to show now; only while not {@link #done()}. */
    public K current() {
        if (done()) {
            throw new IllegalStateException("the session is over");
        }
        return queue.get(index);
    }

    /** Whether the current question was rated before in this session (it is back for a learning step). */
    public boolean currentIsLearning() {
        return !done() && ratedTimes.containsKey(current());
    }

    /** The current question was rated; {@code comesBack} when the rating put it into a learning step. */
    public void rated(boolean comesBack) {
        K k = current();
        ratedTimes.merge(k, 1, Integer::sum);
        if (comesBack) {
            queue.add(k);
        }
        requeued.add(comesBack);
        index++;
    }

    /** Whether there is a rating to take back. */
    public boolean canUndo() {
        return !requeued.isEmpty();
    }

    /** Takes back the last rating: its question is current again (and no longer waits at the end of the queue). */
    public K undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        boolean cameBack = requeued.remove(requeued.size() - 1);
        if (cameBack) {
            queue.remove(queue.size() - 1);
        }
        index--;
        K k = queue.get(index);
        ratedTimes.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1);
        return k;
    }

    /** Questions not yet seen in this session, the current one included when it is one of them. */
    public int left() {
        return ahead(false);
    }

    /** Questions coming back in this session for a learning step, the current one included when it is one of them. */
    public int learning() {
        return ahead(true);
    }

    /** Distinct questions from the current one on that were ({@code rated}) or were not rated before. */
    private int ahead(boolean rated) {
        Set<K> found = new HashSet<>();
        for (int i = index; i < queue.size(); i++) {
            if (ratedTimes.containsKey(queue.get(i)) == rated) {
                found.add(queue.get(i));
            }
        }
        return found.size();
    }

    /** Distinct questions rated at least once. */
    public int questionsRated() {
        return ratedTimes.size();
    }

    /** Ratings given (learning steps included). */
    public int ratings() {
        return requeued.size();
    }

    /** Every question of the session, each once, in the order first met. */
    public List<K> questions() {
        List<K> out = new ArrayList<>();
        Set<K> seen = new HashSet<>();
        for (K k : queue) {
            if (seen.add(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The counter: "12 left · 2 learning" ("1 left" when none is learning; "2 learning" at the end). */
    public String counter() {
        int left = left();
        int learning = learning();
        if (learning == 0) {
            return left + " left";
        }
        return left == 0 ? learning + " learning" : left + " left \u00B7 " + learning + " learning";
    }
}
