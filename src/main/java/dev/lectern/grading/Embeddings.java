package dev.lectern.grading;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Sentence meaning as vectors, from the small BGE model (bge-small-en-v1.5, quantised) run in process by
 * ONNX Runtime; the model travels inside the jar, nothing is downloaded. Vectors of texts that come back
 * (reference answers, key points, questions) are cached. Thread-safe.
 *
 * <p>Native code is only entered through {@link #inNative}, so that {@link #closeForExit} can wait for it: a JVM
 * that exits while a thread is inside ONNX Runtime (creating the session, say) crashes, because ONNX Runtime's
 * own shutdown hook frees its environment under that thread's feet.
 */
final class Embeddings {

    private static final int CACHE_SIZE = 20_000;
    /** As langchain4j's {@code BgeSmallEnV15QuantizedEmbeddingModel} names them inside its jar. */
    private static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";
    private static final int DIMENSION = 384;

    /**
     * Held (shared) by every call into ONNX Runtime or the tokenizer, taken (exclusive) to close them; so the
     * session is closed only when no thread is inside it, and nothing enters it after {@link #closing}.
     */
    private static final ReentrantReadWriteLock NATIVE = new ReentrantReadWriteLock();
    private static volatile boolean closing;
    /** Whether {@link #closeForExit} closed the session already (a signal and the command's end may both call it). */
    private static boolean closed;
    /**
     * One model (one ONNX Runtime session) per process, however many graders are loaded. Set under the class's
     * monitor; volatile, so that {@link #closeForExit} reads it without that monitor, which a load holds while it
     * waits to enter native code.
     */
    private static volatile Model shared;

    /** The session (which this class closes) and the model built around it. */
    private record Model(OrtSession session, EmbeddingModel embedder) {
    }

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

    static Embeddings load() {
        Embeddings e = new Embeddings(sharedModel().embedder());
        e.vector("warm up");
        return e;
    }

    private static synchronized Model sharedModel() {
        if (shared == null) {
            refuseIfClosing();
            // What is plain Java (reading 34 MB out of the jar) happens before native code is entered, so that
            // an exit meanwhile does not wait for it.
            byte[] onnx = resource(MODEL_RESOURCE);
            byte[] tokenizer = resource(TOKENIZER_RESOURCE);
            keepDjlOffline();
            shared = inNative(() -> {
                try {
                    OrtEnvironment environment = OrtEnvironment.getEnvironment();
                    OrtSession session = environment.createSession(onnx);
                    OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session,
                            new ByteArrayInputStream(tokenizer), PoolingMode.CLS);
                    return new Model(session, new InProcess(encoder));
                } catch (OrtException e) {
                    throw new IllegalStateException("The sentence model could not be loaded: " + e.getMessage(), e);
                }
            });
        }
        return shared;
    }

    /**
     * DJL (the tokenizer's library) would otherwise call home on first use: ask a cloud's metadata address where
     * it runs, then send telemetry. Lectern downloads and sends nothing; the tokenizer's native code is in its jar.
     * A setting the user made stays.
     */
    private static void keepDjlOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Embeddings.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The sentence model " + name + " is missing from the application.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The sentence model could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work}, which calls into ONNX Runtime or the tokenizer, unless the process is closing (then
     * an {@link IllegalStateException}); a close waits for it to return.
     */
    static <T> T inNative(Supplier<T> work) {
        NATIVE.readLock().lock();
        try {
            refuseIfClosing();
            return work.get();
        } finally {
            NATIVE.readLock().unlock();
        }
    }

    private static void refuseIfClosing() {
        if (closing) {
            throw new IllegalStateException("Lectern is closing, so the grader was stopped.");
        }
    }

    /**
     * For the end of the process: lets no new work into native code, waits up to {@code wait} for the load or
     * grades in there to return, then closes the session (ONNX Runtime's own shutdown hook then closes its
     * environment, in that order). False if something was still in native code after {@code wait}; then
     * nothing is closed. For good: no grader can load or grade in this process afterwards. A second call closes
     * nothing more.
     */
    static boolean closeForExit(Duration wait) {
        closing = true;
        boolean idle;
        try {
            idle = NATIVE.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!idle) {
            return false;
        }
        try {
            Model model = shared;
            if (model != null && !closed) {
                closed = true;
                model.session().close();
            }
            return true;
        } catch (OrtException e) {
            return false;
        } finally {
            NATIVE.writeLock().unlock();
        }
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
        float[] v = normalise(inNative(() -> model.embed(t).content().vector()));
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

    /** langchain4j's in-process model over an encoder of ours, embedding on the caller's thread. */
    private static final class InProcess extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InProcess(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
