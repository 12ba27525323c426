package dev.lectern.grading;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo of a pure function that forgets everything when it grows past its limit, so that grading a
 * stream of new words keeps its memory bounded.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<K, V> compute;

    BoundedCache(int limit, Function<K, V> compute) {
        this.limit = limit;
        this.compute = compute;
    }

    V get(K key) {
        if (values.size() > limit) {
            values.clear();
        }
        return values.computeIfAbsent(key, compute);
    }
}
