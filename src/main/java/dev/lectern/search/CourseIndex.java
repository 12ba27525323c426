package dev.lectern.search;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A full-text index of a course's readings and questions, searched as the user types. */
public final class CourseIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CourseIndex.class);

    private final Analyzers analyzers;
    private final KindIndex readings;
    private final KindIndex questions;
    private final Vocabulary vocabulary;
    // Searches share the read lock; close waits for the running ones so none reads a closed index.
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private CourseIndex(Analyzers analyzers, KindIndex readings, KindIndex questions) throws IOException {
        this.analyzers = analyzers;
        this.readings = readings;
        this.questions = questions;
        List<String> words = new ArrayList<>();
        readings.addWords(words);
        questions.addWords(words);
        this.vocabulary = Vocabulary.of(words, analyzers);
    }

    /**
     * Indexes the course in memory: readings on their titles, authors, abstract, slides, notes and other sections;
     * questions on their prompt and answers. Markdown and TeX markup is dropped first.
     */
    public static CourseIndex build(Course course) {
        Objects.requireNonNull(course, "course");
        Analyzers analyzers = new Analyzers();
        // The two indexes share nothing but the (thread-safe) analyzers, so a second core builds the questions.
        FutureTask<KindIndex> questionTask = new FutureTask<>(() ->
                new KindIndex(HitKind.QUESTION, IndexFields.QUESTIONS, questionDocuments(course), analyzers));
        Thread questionThread = new Thread(questionTask, "lectern-index-questions");
        questionThread.setDaemon(true);
        questionThread.start();
        KindIndex readingIndex = null;
        KindIndex questionIndex = null;
        try {
            try {
                readingIndex = new KindIndex(HitKind.READING, IndexFields.READINGS, readingDocuments(course), analyzers);
            } finally {
                questionIndex = awaitUninterruptibly(questionTask);
            }
            return new CourseIndex(analyzers, readingIndex, questionIndex);
        } catch (IOException e) {
            closeAll(questionIndex, readingIndex, analyzers);
            // Only memory is written, which does not fail with an I/O error.
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeAll(questionIndex, readingIndex, analyzers);
            throw e;
        }
    }

    private static KindIndex awaitUninterruptibly(FutureTask<KindIndex> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // The task cannot be abandoned half-built; finish waiting and keep the interrupt for the caller.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    } else if (cause instanceof RuntimeException r) {
                        throw r;
                    } else if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<Document> readingDocuments(Course course) {
        List<Document> docs = new ArrayList<>(course.readings().size());
        for (Reading reading : course.readings()) {
            docs.add(IndexedDocuments.reading(reading));
        }
        return docs;
    }

    private static List<Document> questionDocuments(Course course) {
        List<Document> docs = new ArrayList<>(course.questionCount());
        for (QuestionSet set : course.questionSets()) {
            for (Question question : set.questions()) {
                docs.add(IndexedDocuments.question(set, question));
            }
        }
        return docs;
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.debug("Closing part of the search index failed", e);
                }
            }
        }
    }

    /**
     * The best readings and the best questions for what the user has typed so far, at most {@code limitPerKind}
     * of each. Every word counts as a whole word except the last, which also counts as the start of one; all
     * words must match, unless no document has them all, when any will do. Safe to call from several threads;
     * a blank query, or a search after {@link #close}, finds nothing.
     */
    public SearchResults search(String query, int limitPerKind) {
        String text = query == null ? "" : query;
        try {
            return find(text, limitPerKind);
        } catch (IOException | RuntimeException e) {
            // Typing must never break the app: a search that fails finds nothing, and the cause goes to the log.
            LOG.warn("Search for \"{}\" failed", abbreviated(text), e);
            return SearchResults.empty(text);
        }
    }

    /** {@link #search} without its safety net, so that tests see any failure. */
    SearchResults find(String text, int limitPerKind) throws IOException {
        if (text.isBlank() || limitPerKind <= 0) {
            return SearchResults.empty(text);
        }
        lock.readLock().lock();
        try {
            if (closed) {
                return SearchResults.empty(text);
            }
            TypedQuery typed = TypedQuery.parse(text, analyzers);
            if (typed.isEmpty()) {
                return SearchResults.empty(text);
            }
            TopDocs readingTop = readings.search(typed, true, limitPerKind);
            TopDocs questionTop = questions.search(typed, true, limitPerKind);
            if (readingTop.scoreDocs.length == 0 && questionTop.scoreDocs.length == 0 && typed.hasSeveralWords()) {
                readingTop = readings.search(typed, false, limitPerKind);
                questionTop = questions.search(typed, false, limitPerKind);
            }
            Query highlight = typed.highlightQuery(vocabulary);
            return new SearchResults(text, readings.hits(readingTop, highlight), questions.hits(questionTop, highlight));
        } finally {
            lock.readLock().unlock();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeAll(readings, questions, analyzers);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
