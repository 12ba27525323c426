package dev.lectern.search;

import java.util.List;
import java.util.Map;

/** The field names of the index and, per kind of document, how much a match in each field counts. */
final class IndexFields {

    // Stemmed, indexed only.
    static final String TITLE = "title";
    static final String SHORT_TITLE = "shortTitle";
    static final String AUTHORS = "authors";
    static final String BODY = "body";
    static final String PROMPT = "prompt";
    static final String ANSWER = "answer";

    // Unstemmed, indexed only: the word being typed is matched as a prefix of these.
    static final String TITLE_WORDS = "titleWords";
    static final String WORDS = "words";

    // Stored only: what a hit shows. The snippet fields hold plain text, several values joined by SEPARATOR.
    static final String READING_ID = "readingId";
    static final String SET_ID = "setId";
    static final String QUESTION_ID = "questionId";
    static final String DISPLAY_TITLE = "displayTitle";
    static final String ABSTRACT = "abstract";
    static final String SLIDES = "slides";
    static final String NOTES = "notes";
    static final String SECTIONS = "sections";
    static final String REFERENCE_ANSWER = "referenceAnswer";
    static final String ALTERNATIVE_ANSWERS = "alternativeAnswers";
    // Stored only: which slide or section each value of SLIDES and SECTIONS is (its index in the reading,
    // empty ones being left out of the snippet field), as numbers separated by spaces.
    static final String SLIDE_POSITIONS = "slidePositions";
    static final String SECTION_POSITIONS = "sectionPositions";

    /** Joins the values of a snippet field; a snippet never runs across it. */
    static final char SEPARATOR = '\n';

    /**
     * How one kind of document is searched.
     *
     * @param terms stemmed fields and their boosts, for every word of the query
     * @param prefixes unstemmed fields and their boosts, for the word being typed
     * @param snippetFields where snippets come from, in the order tried when no field has a match
     */
    record Scheme(Map<String, Float> terms, Map<String, Float> prefixes, List<String> snippetFields) {
    }

    // A title names what the reading is about; a word there says more than the same word in the body.
    static final Scheme READINGS = new Scheme(
            Map.of(TITLE, 4f, SHORT_TITLE, 4f, AUTHORS, 2f, BODY, 1f),
            Map.of(TITLE_WORDS, 4f, WORDS, 1f),
            List.of(ABSTRACT, SLIDES, NOTES, SECTIONS));

    // The prompt is what the user remembers a question by, so it counts more than the answers.
    static final Scheme QUESTIONS = new Scheme(
            Map.of(PROMPT, 2f, ANSWER, 1f),
            Map.of(TITLE_WORDS, 2f, WORDS, 1f),
            List.of(REFERENCE_ANSWER, ALTERNATIVE_ANSWERS));

    private IndexFields() {
    }
}
