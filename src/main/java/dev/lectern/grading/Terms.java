package dev.lectern.grading;

import dev.lectern.grading.internal.Syntax.Word;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and numbers as the claim checks compare them: "ViT-L/14" as "vitl14", "1.1 billion" as 1.1e9. */
final class Terms {

    private Terms() {
    }

    /** Acronyms of kinds of things, not names: a key point's "LLM" is met by "Vicuna" as well. */
    static final Set<String> GENERIC = Set.of("llm", "llms", "ai", "cnn",
            "cnns", "rnn", "mlp", "mlps", "vlm", "vlms", "eos", "bos", "api", "fps", "3d", "2d", "id", "ok", "nlp",
            "cv", "ml", "sota", "fid", "fvd", "ssl", "gan", "gans", "vae", "vaes", "url", "pdf", "rgb", "snr", "ar",
            "qa", "vqa", "gt", "i", "iou", "flops", "mac", "ui", "dl");
    static final Pattern SUFFIXED = Pattern.compile("(\\d+(?:\\.\\d+)?)([kmbt])");
    static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    static final Set<String> SCALE_WORDS = Set.of("million", "millions", "billion", "billions", "thousand",
            "thousands", "hundred", "hundreds", "trillion", "k", "m", "b");

    static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("sixteen", "16"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("hundred", "100"));


    /** The values of a text's numbers, with their scale ("1.1 billion", "580M", "0.4k"). */
    static Set<Double> values(List<Word> words) {
        Set<Double> out = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            Double v = value(words, i);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }


    static Double value(List<Word> words, int i) {
        String w = words.get(i).lower().replace(",", "").replace("%", "");
        String n = NUMBER_WORDS.getOrDefault(w, w);
        double scale = 1;
        Matcher m = SUFFIXED.matcher(n);
        if (m.matches()) {
            n = m.group(1);
            scale = switch (m.group(2)) {
                case "k" -> 1e3;
                case "m" -> 1e6;
                case "b" -> 1e9;
                case "t" -> 1e12;
                default -> 1;
            };
        }
        if (!NUMBER.matcher(n).matches()) {
            return null;
        }
        if (i + 1 < words.size()) {
            scale *= switch (words.get(i + 1).lower()) {
                case "thousand" -> 1e3;
                case "million", "millions" -> 1e6;
                case "billion", "billions" -> 1e9;
                case "trillion" -> 1e12;
                default -> 1;
            };
        }
        return Double.parseDouble(n) * scale;
    }


    /** Capitalised inside a sentence, or with inner capitals or digits (CLIP, ViT-L/14, SA-1B, GPT-4). */
    static boolean looksLikeName(List<Word> words, int i) {
        String s = words.get(i).text();
        if (s.length() < 2 || !Character.isLetter(s.charAt(0)) && !Character.isDigit(s.charAt(0))) {
            return false;
        }
        boolean letters = s.chars().anyMatch(Character::isLetter);
        boolean digits = s.chars().anyMatch(Character::isDigit);
        if (letters && digits) {
            return true;
        }
        if (s.substring(1).chars().anyMatch(Character::isUpperCase)) {
            return true;
        }
        boolean sentenceStart = i == 0 || words.get(i - 1).text().matches("[.!?:;\"(\\[]");
        return Character.isUpperCase(s.charAt(0)) && !sentenceStart && !s.equals("I");
    }


    static boolean isNumber(String lower) {
        if (NUMBER_WORDS.containsKey(lower) && !lower.equals("one")) {
            return true;
        }
        return NUMBER.matcher(lower.replace("%", "")).matches() || lower.matches("\\d+(?:\\.\\d+)?[kmb]");
    }


    static String number(String lower) {
        String word = NUMBER_WORDS.get(lower);
        if (word != null) {
            return word;
        }
        return lower.replace(",", "");
    }


    /** A name reduced for comparison: lower case, without hyphens, slashes and apostrophes. */
    static String term(String lower) {
        String t = lower.replaceAll("['\u2019]s$", "").replaceAll("[-/'\u2019]", "");
        return t.isEmpty() ? lower : t;
    }


    static boolean isScaleWord(String lower) {
        return SCALE_WORDS.contains(lower);
    }
}
