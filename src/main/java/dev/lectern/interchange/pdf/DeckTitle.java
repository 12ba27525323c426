package dev.lectern.interchange.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The title and authors of a reading made from a slide deck: the PDF's own title when it says something (not a file
 * name, not "Microsoft PowerPoint - S1-LLM.pptx", not "Untitled"), else the largest text on the first page; the
 * authors from the PDF's author field when it names people, else from a line of names on the first page.
 */
final class DeckTitle {

    private static final Pattern TOOL_PREFIX = Pattern.compile(
            "^(microsoft (powerpoint|word)|powerpoint|keynote|google slides)\\s*[-–:]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_EXTENSION = Pattern.compile("\\.(pptx?|key|pdf|docx?|tex|odp)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GENERIC = Pattern.compile(
            "(untitled|presentation\\d*|powerpoint presentation|slides?|title|lecture|slide \\d+|document\\d*|"
                    + "untitled presentation|new presentation|\\W*)", Pattern.CASE_INSENSITIVE);
    /** One word of a person's name: "Jane", "O'Neil", "Lopez-Paz", an initial "J." and the particles of names. */
    private static final Pattern NAME_WORD = Pattern.compile(
            "(\\p{Lu}[\\p{L}'’-]*\\.?|\\p{Lu}\\.|de|van|von|der|den|da|di|du|la|le|bin|al)");
    /** Words of titles and affiliations, never of a name. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("model", "models", "learning", "vision",
            "language", "languages", "transformer", "transformers", "foundation", "foundations", "introduction",
            "lecture", "course", "university", "institute", "department", "school", "college", "fall", "spring",
            "summer", "winter", "deep", "neural", "network", "networks", "data", "ai", "machine", "computer",
            "science", "research", "lab", "labs", "google", "meta", "openai", "microsoft", "deepmind", "part", "week",
            "session", "overview", "summary", "multimodal", "generative", "diffusion", "video", "image", "images",
            "segment", "anything", "large", "scaling", "visual", "instruction", "tuning", "slides", "notes", "the");
    private static final Pattern MARKS = Pattern.compile("[\\d*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰,]+$");

    private DeckTitle() {
    }

    /** The reading's title: the PDF's when meaningful, else the first page's title, else the file name. */
    static String title(String metadataTitle, String fileStem, String firstPageTitle) {
        Optional<String> own = meaningful(metadataTitle, fileStem);
        if (own.isPresent()) {
            return own.get();
        }
        String page = firstPageTitle == null ? "" : firstPageTitle.strip();
        return !page.isEmpty() && page.length() <= 200 ? page : fileStem;
    }

    /** The PDF's own title, if it says more than the file's name or the tool that made it. */
    static Optional<String> meaningful(String metadataTitle, String fileStem) {
        if (metadataTitle == null) {
            return Optional.empty();
        }
        String t = TOOL_PREFIX.matcher(metadataTitle.strip()).replaceFirst("");
        t = FILE_EXTENSION.matcher(t).replaceFirst("").strip();
        if (t.length() < 3 || t.length() > 200 || GENERIC.matcher(t).matches()) {
            return Optional.empty();
        }
        if (squeeze(t).equals(squeeze(fileStem)) || !t.contains(" ") && t.matches(".*[-_\\d.].*")) {
            return Optional.empty(); // "dit-slides", "S1-LLM", "lecture_07"
        }
        return Optional.of(t);
    }

    /**
     * The authors: the PDF's author field when it names people ("Jane Doe; John Smith"), else the first line of the
     * first page under its title that is a list of names; none if neither.
     */
    static List<String> authors(String metadataAuthor, List<String> firstPageLinesAfterTitle) {
        List<String> own = names(metadataAuthor == null ? "" : metadataAuthor);
        if (!own.isEmpty()) {
            return own;
        }
        int looked = 0;
        for (String line : firstPageLinesAfterTitle) {
            List<String> found = names(line);
            if (!found.isEmpty()) {
                return found;
            }
            if (++looked == 4) {
                break;
            }
        }
        return List.of();
    }

    /** The people a line names, or none if anything in it is not a name. */
    static List<String> names(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.length() > 300 || text.matches(".*(@|https?:|www\\.|\\d{3,}).*")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split("\\s*(,|;|·|&|\\band\\b|\\|)\\s*")) {
            String name = MARKS.matcher(part.strip()).replaceFirst("").strip();
            if (name.isEmpty()) {
                continue;
            }
            String[] words = name.split("\\s+");
            if (words.length < 2 || words.length > 4) {
                return List.of();
            }
            for (String word : words) {
                if (!NAME_WORD.matcher(word).matches() || NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
                    return List.of();
                }
            }
            if (!Character.isUpperCase(words[words.length - 1].codePointAt(0))
                    || name.equals(name.toUpperCase(Locale.ROOT)) && name.length() > 3) {
                return List.of(); // "LLM SERVING AND" is a title in capitals, not a person
            }
            names.add(name);
        }
        return names;
    }

    private static String squeeze(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
