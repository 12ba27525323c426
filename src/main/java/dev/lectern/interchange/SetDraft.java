package dev.lectern.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A question set as an importer found it, before it is linked to a reading and given an id. */
public final class SetDraft {

    final Path source;
    final int line;
    public final String title;
    /** What to match against the course's reading titles. */
    public final String readingTitle;
    /** The id the set wants (a deck or file name), used when it drills a stub reading. */
    public final String idHint;
    public final List<QuestionDraft> questions = new ArrayList<>();
    /** A reading for it when no course reading matches (a Q&A sheet's paper), or empty for a plain stub. */
    Optional<ReadingDraft> stub = Optional.empty();

    public SetDraft(Path source, int line, String title, String readingTitle, String idHint) {
        this.source = source;
        this.line = line;
        this.title = title;
        this.readingTitle = readingTitle;
        this.idHint = idHint;
    }

    /**
     * One question: prompt, reference answer, key points (proposed ones are marked by a tag), tags, and for key points
     * that have them, by their text, the other phrasings that count as the point.
     */
    public record QuestionDraft(String idHint, String prompt, String answer, List<String> keyPoints, List<String> tags,
            int line, Map<String, List<String>> accepted) {

        public QuestionDraft {
            accepted = Map.copyOf(accepted);
        }

        public QuestionDraft(String idHint, String prompt, String answer, List<String> keyPoints, List<String> tags,
                int line) {
            this(idHint, prompt, answer, keyPoints, tags, line, Map.of());
        }
    }
}
