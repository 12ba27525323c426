package dev.lectern.search;

import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** Readings and questions as Lucene documents, their text reduced to plain words first. */
final class IndexedDocuments {

    /** Search needs how often a word occurs but never where, so positions are left out to keep the index small. */
    private static final FieldType INDEXED = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        INDEXED.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        INDEXED.freeze();
    }

    static final int TITLE_LENGTH = 120;

    private IndexedDocuments() {
    }

    static Document reading(Reading reading) {
        String title = PlainText.of(reading.title());
        String shortTitle = PlainText.of(reading.shortTitle());
        List<String> authors = nonNull(reading.authors()).stream().map(PlainText::of).filter(s -> !s.isEmpty()).toList();
        String abstractText = PlainText.of(reading.abstractMarkdown());
        List<String> slides = new ArrayList<>();
        List<String> slidePositions = new ArrayList<>();
        List<SlideExcerpt> allSlides = nonNull(reading.slides());
        for (int i = 0; i < allSlides.size(); i++) {
            SlideExcerpt slide = allSlides.get(i);
            if (slide != null) {
                add(slides, slidePositions, i, titled(PlainText.of(slide.title()), PlainText.of(slide.markdown())));
            }
        }
        String notes = PlainText.of(reading.notesMarkdown());
        List<String> sections = new ArrayList<>();
        List<String> sectionPositions = new ArrayList<>();
        List<Section> allSections = nonNull(reading.otherSections());
        for (int i = 0; i < allSections.size(); i++) {
            Section section = allSections.get(i);
            if (section != null) {
                add(sections, sectionPositions, i, titled(PlainText.of(section.title()), PlainText.of(section.markdown())));
            }
        }

        Document doc = new Document();
        doc.add(new StoredField(IndexFields.READING_ID, Objects.toString(reading.id(), "")));
        doc.add(new StoredField(IndexFields.DISPLAY_TITLE, displayTitle(shortTitle, title)));
        store(doc, IndexFields.ABSTRACT, abstractText);
        store(doc, IndexFields.SLIDES, joined(slides));
        store(doc, IndexFields.NOTES, notes);
        store(doc, IndexFields.SECTIONS, joined(sections));
        store(doc, IndexFields.SLIDE_POSITIONS, String.join(" ", slidePositions));
        store(doc, IndexFields.SECTION_POSITIONS, String.join(" ", sectionPositions));

        index(doc, title, IndexFields.TITLE);
        index(doc, shortTitle, IndexFields.SHORT_TITLE);
        index(doc, title, IndexFields.TITLE_WORDS);
        index(doc, shortTitle, IndexFields.TITLE_WORDS);
        List<String> everything = new ArrayList<>(List.of(title, shortTitle));
        for (String author : authors) {
            index(doc, author, IndexFields.AUTHORS);
            everything.add(author);
        }
        List<String> body = new ArrayList<>(List.of(abstractText, notes));
        body.addAll(slides);
        body.addAll(sections);
        for (String text : body) {
            index(doc, text, IndexFields.BODY);
            everything.add(text);
        }
        for (String text : everything) {
            index(doc, text, IndexFields.WORDS);
        }
        return doc;
    }

    static Document question(QuestionSet set, Question question) {
        String prompt = PlainText.of(question.prompt());
        String reference = PlainText.of(question.referenceAnswer());
        List<String> alternatives = nonNull(question.alternativeAnswers()).stream()
                .map(PlainText::of).filter(s -> !s.isEmpty()).toList();
        List<String> readingIds = nonNull(set.readingIds());

        Document doc = new Document();
        doc.add(new StoredField(IndexFields.SET_ID, Objects.toString(set.id(), "")));
        doc.add(new StoredField(IndexFields.QUESTION_ID, Objects.toString(question.id(), "")));
        doc.add(new StoredField(IndexFields.READING_ID,
                readingIds.isEmpty() || readingIds.get(0) == null ? "" : readingIds.get(0)));
        doc.add(new StoredField(IndexFields.DISPLAY_TITLE, PlainText.abbreviate(prompt, TITLE_LENGTH)));
        store(doc, IndexFields.REFERENCE_ANSWER, reference);
        store(doc, IndexFields.ALTERNATIVE_ANSWERS, joined(alternatives));

        index(doc, prompt, IndexFields.PROMPT, IndexFields.TITLE_WORDS, IndexFields.WORDS);
        index(doc, reference, IndexFields.ANSWER, IndexFields.WORDS);
        for (String alternative : alternatives) {
            index(doc, alternative, IndexFields.ANSWER, IndexFields.WORDS);
        }
        return doc;
    }

    static String displayTitle(String shortTitle, String title) {
        if (shortTitle.isEmpty() || shortTitle.equalsIgnoreCase(title)) {
            return title;
        }
        return title.isEmpty() ? shortTitle : shortTitle + " — " + title;
    }

    /** Adds a non-empty slide or section text to {@code texts}, and its index in the reading to {@code positions}. */
    private static void add(List<String> texts, List<String> positions, int index, String text) {
        if (!text.isEmpty()) {
            texts.add(text);
            positions.add(Integer.toString(index));
        }
    }

    /** A slide or section as one line: its heading, then its text. */
    private static String titled(String heading, String text) {
        if (heading.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? heading : heading + " — " + text;
    }

    private static String joined(List<String> values) {
        return values.stream().filter(s -> !s.isEmpty())
                .collect(Collectors.joining(String.valueOf(IndexFields.SEPARATOR)));
    }

    private static void store(Document doc, String field, String text) {
        if (!text.isEmpty()) {
            doc.add(new StoredField(field, text));
        }
    }

    /** Indexes {@code text} under each of {@code fields}, in that order; an empty text is left out. */
    private static void index(Document doc, String text, String... fields) {
        if (!text.isEmpty()) {
            for (String field : fields) {
                doc.add(new Field(field, text, INDEXED));
            }
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
