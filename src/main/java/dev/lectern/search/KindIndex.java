package dev.lectern.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The in-memory index of one kind of document. Readings and questions are kept apart so that each kind gets its
 * own best hits and term statistics, and no search has to filter out the other kind.
 */
final class KindIndex implements AutoCloseable {

    private final HitKind kind;
    private final IndexFields.Scheme scheme;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Snippets snippets;

    KindIndex(HitKind kind, IndexFields.Scheme scheme, List<Document> docs, Analyzers analyzers) throws IOException {
        this.kind = kind;
        this.scheme = scheme;
        this.directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzers.index)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // One flush into one segment: searches over a single segment are the fastest.
                .setRAMBufferSizeMB(256)
                .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            writer.addDocuments(docs);
            writer.forceMerge(1);
            writer.commit();
        }
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.snippets = new Snippets(searcher, analyzers.words, scheme.snippetFields());
    }

    TopDocs search(TypedQuery typed, boolean allWords, int limit) throws IOException {
        Query query = typed.query(scheme, allWords);
        int n = Math.max(1, Math.min(limit, reader.maxDoc()));
        // Nobody reads the total hit count, so Lucene may skip documents that cannot make the top n at once.
        return searcher.search(query, new TopScoreDocCollectorManager(n, n));
    }

    /** Adds the lower-cased, unstemmed words of every document to {@code words}. */
    void addWords(Collection<String> words) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, IndexFields.WORDS);
        if (terms == null) {
            return;
        }
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            words.add(term.utf8ToString());
        }
    }

    List<SearchHit> hits(TopDocs top, Query highlightQuery) throws IOException {
        ScoreDoc[] scoreDocs = top.scoreDocs;
        if (scoreDocs.length == 0) {
            return List.of();
        }
        int[] docIds = new int[scoreDocs.length];
        List<Document> docs = new ArrayList<>(scoreDocs.length);
        var stored = searcher.storedFields();
        for (int i = 0; i < scoreDocs.length; i++) {
            docIds[i] = scoreDocs[i].doc;
            docs.add(stored.document(docIds[i]));
        }
        List<List<SnippetPart>> parts = snippets.of(highlightQuery, docIds, docs);
        List<SearchHit> hits = new ArrayList<>(scoreDocs.length);
        for (int i = 0; i < scoreDocs.length; i++) {
            Document doc = docs.get(i);
            boolean reading = kind == HitKind.READING;
            hits.add(new SearchHit(kind, value(doc, IndexFields.READING_ID),
                    reading ? "" : value(doc, IndexFields.SET_ID), reading ? "" : value(doc, IndexFields.QUESTION_ID),
                    value(doc, IndexFields.DISPLAY_TITLE), parts.get(i), scoreDocs[i].score));
        }
        return hits;
    }

    private static String value(Document doc, String field) {
        String value = doc.get(field);
        return value == null ? "" : value;
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }
}
