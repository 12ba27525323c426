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
        this.snippets = new Snippets(searcher, analyzers.words, scheme.snippetFields(),
                kind == HitKind.READING ? IndexFields.DISPLAY_TITLE : null);
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
        List<Snippets.Snippet> found = snippets.of(highlightQuery, docIds, docs);
        List<SearchHit> hits = new ArrayList<>(scoreDocs.length);
        for (int i = 0; i < scoreDocs.length; i++) {
            Document doc = docs.get(i);
            boolean reading = kind == HitKind.READING;
            Snippets.Snippet snippet = found.get(i);
            hits.add(new SearchHit(kind, value(doc, IndexFields.READING_ID),
                    reading ? "" : value(doc, IndexFields.SET_ID), reading ? "" : value(doc, IndexFields.QUESTION_ID),
                    value(doc, IndexFields.DISPLAY_TITLE), snippet.parts(), scoreDocs[i].score,
                    reading ? place(doc, snippet) : MatchPlace.NONE));
        }
        return hits;
    }

    /** Where in the reading a snippet comes from: the field, and for slides and sections which one. */
    static MatchPlace place(Document doc, Snippets.Snippet snippet) {
        if (snippet.field() == null) {
            return MatchPlace.NONE;
        }
        return switch (snippet.field()) {
            case IndexFields.DISPLAY_TITLE -> new MatchPlace(MatchPlace.Part.TITLE, 0, snippet.words());
            case IndexFields.ABSTRACT -> new MatchPlace(MatchPlace.Part.ABSTRACT, 0, snippet.words());
            case IndexFields.NOTES -> new MatchPlace(MatchPlace.Part.NOTES, 0, snippet.words());
            case IndexFields.SLIDES -> new MatchPlace(MatchPlace.Part.SLIDE,
                    position(doc, IndexFields.SLIDE_POSITIONS, snippet.value()), snippet.words());
            case IndexFields.SECTIONS -> new MatchPlace(MatchPlace.Part.SECTION,
                    position(doc, IndexFields.SECTION_POSITIONS, snippet.value()), snippet.words());
            default -> MatchPlace.NONE;
        };
    }

    private static int position(Document doc, String field, int value) {
        String[] positions = value(doc, field).split(" ");
        try {
            return value < positions.length ? Integer.parseInt(positions[value]) : value;
        } catch (NumberFormatException e) {
            return value;
        }
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
