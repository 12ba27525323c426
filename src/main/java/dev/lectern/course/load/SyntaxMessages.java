package dev.lectern.course.load;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JSON and YAML parsers' messages into sentences a course author can act on. */
final class SyntaxMessages {

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']*)'");

    private SyntaxMessages() {
    }

    static String explain(NodeParser.Syntax syntax, String raw) {
        String message = raw == null ? "" : raw;
        String firstLine = message.lines().findFirst().orElse("").strip();
        return syntax == NodeParser.Syntax.JSON ? explainJson(message, firstLine) : explainYaml(message, firstLine);
    }

    private static String explainJson(String message, String firstLine) {
        if (message.contains("Unexpected end-of-input")) {
            return "The JSON ends too early: a closing } or ] or a closing quote is missing.";
        }
        if (message.contains("Maximum nesting depth")) {
            return "The JSON is nested too deeply to be a course file.";
        }
        if (message.contains("was expecting double-quote to start field name")) {
            return "Expected a key in double quotes here. JSON allows no comma after the last entry of a group,"
                    + " and keys need double quotes.";
        }
        if (message.contains("was expecting comma to separate Object entries")) {
            return "Expected a comma (or a closing }) here: entries of a group are separated by commas.";
        }
        if (message.contains("was expecting comma to separate Array entries")) {
            return "Expected a comma (or a closing ]) here: items of a list are separated by commas.";
        }
        if (message.contains("was expecting a colon to separate field name and value")) {
            return "Expected a colon between the key and its value.";
        }
        if (message.contains("Illegal unquoted character")) {
            return "A line break or control character appears inside a text value; write it as \\n.";
        }
        if (message.contains("Unrecognized character escape")) {
            return "Unknown escape in a text value; a backslash must be written \\\\ in JSON (LaTeX needs \\\\frac, not \\frac).";
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
        if (token.find()) {
            return "\"" + SyntaxMessages.shorten(token.group(1)) + "\" is not a JSON value; text must be in double quotes.";
        }
        Matcher ch = UNEXPECTED_CHAR.matcher(message);
        if (ch.find()) {
            String c = ch.group(1);
            if (c.equals("'")) {
                return "JSON needs double quotes (\"), not single quotes (').";
            }
            return "The character " + c + " is not allowed here in JSON.";
        }
        return "The JSON is not valid here: " + SyntaxMessages.shorten(firstLine);
    }

    /** What the YAML parser's message says (any one of its fragments, in lower case) and what to tell the author. */
    private record YamlHint(List<String> fragments, String explanation) {
        YamlHint(String fragment, String explanation) {
            this(List.of(fragment), explanation);
        }

        YamlHint(String fragment, String orFragment, String explanation) {
            this(List.of(fragment, orFragment), explanation);
        }
    }

    /** In the order they are tried: the first one whose fragment is in the message explains it. */
    private static final List<YamlHint> YAML_HINTS = List.of(
            new YamlHint("mapping values are not allowed here",
                    "A colon followed by a space appears inside a value; put the whole value in quotes."),
            new YamlHint("found character '\\t'", "found character '\t'",
                    "A tab is used for indentation; YAML only allows spaces."),
            new YamlHint("could not find expected ':'",
                    "Expected \"key: value\" here; a line of the front matter is missing its colon."),
            new YamlHint("did not find expected key", "expected <block end>",
                    "The indentation does not line up with the keys above; check the spaces at the start of the line."),
            new YamlHint("found undefined alias", "found unknown escape",
                    "A value starts with * or contains a backslash escape that YAML does not know; put it in quotes."),
            new YamlHint("while scanning a quoted scalar", "found unexpected end of stream",
                    "A quoted value is never closed; add the closing quote."),
            new YamlHint("duplicate key", "A key appears twice; remove one of them."),
            new YamlHint("nesting depth", "nesting", "The front matter is nested too deeply to be a course file."),
            new YamlHint("special characters are not allowed", "unacceptable code point",
                    "The front matter contains a control character YAML does not accept."));

    private static String explainYaml(String message, String firstLine) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return YAML_HINTS.stream()
                .filter(hint -> hint.fragments().stream().anyMatch(m::contains))
                .map(YamlHint::explanation)
                .findFirst()
                .orElseGet(() -> "The YAML is not valid here: " + SyntaxMessages.shorten(firstLine));
    }

    static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
