package dev.lectern.grading;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sentence meaning as vectors, from the small BGE model (bge-small-en-v1.5, quantised) run in process by
 * ONNX Runtime; the model travels inside the jar, nothing is downloaded. Vectors of texts that come back
 * (reference answers, key points, questions) are cached. Thread-safe.
 */
final class Embeddings {

    private static final int CACHE_SIZE = 20_000;

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private Embeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** One model (one ONNX Runtime session) per process, however many graders are loaded. */
    private static EmbeddingModel shared;

    static Embeddings load() {
        Embeddings e = new Embeddings(sharedModel());
        e.vector("warm up");
        return e;
    }

    private static synchronized EmbeddingModel sharedModel() {
        if (shared == null) {
            shared = new BgeSmallEnV15QuantizedEmbeddingModel();
        }
        return shared;
    }

    /** The unit-length vector of a text (the model reads at most its first 512 word pieces). */
    float[] vector(String text) {
        String t = text.isBlank() ? "." : text;
        synchronized (cache) {
            float[] hit = cache.get(t);
            if (hit != null) {
                return hit;
            }
        }
        float[] v = normalise(model.embed(t).content().vector());
        synchronized (cache) {
            cache.put(t, v);
        }
        return v;
    }

    /** Cosine similarity of two texts' meanings, -1..1 (in practice about 0.3..1 for English). */
    double similarity(String a, String b) {
        return dot(vector(a), vector(b));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
