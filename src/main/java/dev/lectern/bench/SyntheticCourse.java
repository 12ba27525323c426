package dev.lectern.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic course of a given size: readings (seven in ten Markdown, the rest JSON) with abstracts,
 * slide excerpts and notes, and question sets of about ten questions each, all valid.
 */
public final class SyntheticCourse {

    private static final String[] WORDS = ("diffusion transformer latent video image token encoder decoder"
            + " attention scaling dataset curation caption segmentation mask prompt instruction tuning alignment"
            + " pretraining finetuning benchmark evaluation temporal spatial resolution noise schedule sampler"
            + " embedding projection vision language model autoregressive contrastive zero-shot transfer").split(" ");

    private SyntheticCourse() {
    }

    /** What a bench does with the synthetic course folder; returns the exit code. */
    interface Bench {
        int run(Path dir) throws IOException;
    }

    /** {@code --readings} and {@code --questions}: the size of the synthetic course, as a picocli mixin. */
    static final class Size {

        @Option(names = "--readings", defaultValue = "2000", description = "Readings to generate (default ${DEFAULT-VALUE}).")
        int readings;

        @Option(names = "--questions", defaultValue = "20000", description = "Questions to generate (default ${DEFAULT-VALUE}).")
        int questions;

        /** What is wrong with the size, in words; empty when it is one a course can have. */
        Optional<String> wrongOptions() {
            return Measurement.unless(readings >= 1 && questions >= 0,
                    "--readings must be at least 1, --questions at least 0.");
        }

        /** Writes a course of this size and runs {@code bench} on it, as {@link #inTemporaryFolder} does. */
        int inTemporaryFolder(PrintWriter out, boolean keep, Bench bench) throws IOException {
            return SyntheticCourse.inTemporaryFolder(out, readings, questions, keep, bench);
        }
    }

    /**
     * Writes a synthetic course to a temporary folder (saying how long that took), runs the bench on it, and
     * deletes the folder afterwards unless {@code keep}.
     */
    static int inTemporaryFolder(PrintWriter out, int readings, int questions, boolean keep, Bench bench)
            throws IOException {
        Path dir = Files.createTempDirectory("lectern-bench-");
        try {
            long t0 = System.nanoTime();
            write(dir, readings, questions);
            out.printf(Locale.ROOT, "wrote %d readings and %d questions to %s in %d ms%n",
                    readings, questions, dir, (System.nanoTime() - t0) / 1_000_000);
            return bench.run(dir);
        } finally {
            if (keep) {
                out.println("kept " + dir);
            } else {
                delete(dir);
            }
            out.flush();
        }
    }

    /** The last line of every bench: what the figures were measured on. */
    static String machine() {
        return String.format(Locale.ROOT, "processors: %d, max heap: %d MB, java %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
    }

    public static void write(Path dir, int readings, int questions) throws IOException {
        Path readingsDir = Files.createDirectories(dir.resolve("readings"));
        Path questionsDir = Files.createDirectories(dir.resolve("questions"));
        int sets = Math.max(1, Math.min(readings, (questions + 9) / 10));
        for (int i = 0; i < readings; i++) {
            String id = "reading-" + i;
            int week = 1 + i % 15;
            String setId = i < sets ? "set-" + i : null;
            if (i % 10 < 7) {
                Files.writeString(readingsDir.resolve(id + ".md"), markdown(id, i, week, setId));
            } else {
                Files.writeString(readingsDir.resolve(id + ".json"), json(id, i, week, setId));
            }
        }
        int written = 0;
        for (int s = 0; s < sets; s++) {
            int count = questions / sets + (s < questions % sets ? 1 : 0);
            StringBuilder b = new StringBuilder();
            b.append("{\n  \"id\": \"set-").append(s).append("\",\n  \"title\": \"Questions on reading ").append(s)
                    .append("\",\n  \"readings\": [\"reading-").append(s).append("\"],\n  \"questions\": [");
            for (int q = 0; q < count; q++) {
                b.append(q == 0 ? "\n" : ",\n");
                b.append("    {\n      \"id\": \"q-").append(q).append("\",\n")
                        .append("      \"prompt\": \"").append(sentence(written * 7 + 1, 14)).append("?\",\n")
                        .append("      \"referenceAnswer\": \"").append(sentence(written * 7 + 2, 30)).append(". ")
                        .append(sentence(written * 7 + 3, 20)).append(".\",\n")
                        .append("      \"alternativeAnswers\": [\"").append(sentence(written * 7 + 4, 16)).append(".\"],\n")
                        .append("      \"keyPoints\": [\"").append(sentence(written * 7 + 5, 4)).append("\", {\"text\": \"")
                        .append(sentence(written * 7 + 6, 4)).append("\", \"accept\": [\"").append(sentence(written * 7, 3))
                        .append("\"]}],\n")
                        .append("      \"tags\": [\"").append(WORDS[q % WORDS.length]).append("\"],\n")
                        .append("      \"difficulty\": \"").append(q % 3 == 0 ? "easy" : q % 3 == 1 ? "medium" : "hard")
                        .append("\"\n    }");
                written++;
            }
            b.append("\n  ]\n}\n");
            Files.writeString(questionsDir.resolve("set-" + s + ".json"), b.toString());
        }
    }

    private static String markdown(String id, int i, int week, String setId) {
        StringBuilder b = new StringBuilder();
        b.append("---\nid: ").append(id).append("\ntitle: \"").append(title(i)).append("\"\nshortTitle: R").append(i)
                .append("\nauthors: [Ada Lovelace, Alan Turing, Grace Hopper]\nyear: ").append(2015 + i % 10)
                .append("\nvenue: Synthetic Conference\nlinks:\n  arxiv: https://arxiv.org/abs/2401.")
                .append(String.format(Locale.ROOT, "%05d", i)).append("\nweek: ").append(week)
                .append("\nsession:\n  number: ").append(1 + i % 2).append("\n  label: Session ").append(1 + i % 2)
                .append("\ntags: [").append(WORDS[i % WORDS.length]).append(", ").append(WORDS[(i + 3) % WORDS.length])
                .append("]\n");
        if (setId != null) {
            b.append("questionSets: [").append(setId).append("]\n");
        }
        b.append("---\n\n## Abstract\n\n").append(paragraph(i, 5)).append("\n\n## Slides\n\n");
        for (int s = 0; s < 4; s++) {
            b.append("### ").append(sentence(i + s, 4)).append(" {page=").append(s + 1).append("}\n\n")
                    .append(paragraph(i + s, 2)).append("\n\n");
        }
        b.append("## Notes\n\n").append(paragraph(i + 1, 2)).append("\n");
        return b.toString();
    }

    private static String json(String id, int i, int week, String setId) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"id\": \"").append(id).append("\",\n  \"title\": \"").append(title(i))
                .append("\",\n  \"shortTitle\": \"R").append(i).append("\",\n  \"authors\": [\"Ada Lovelace\", \"Alan Turing\"],\n")
                .append("  \"year\": ").append(2015 + i % 10).append(",\n  \"week\": ").append(week)
                .append(",\n  \"session\": {\"number\": ").append(1 + i % 2).append(", \"label\": \"Session ")
                .append(1 + i % 2).append("\"},\n  \"tags\": [\"").append(WORDS[i % WORDS.length]).append("\"],\n");
        if (setId != null) {
            b.append("  \"questionSets\": [\"").append(setId).append("\"],\n");
        }
        b.append("  \"abstract\": \"").append(paragraph(i, 5)).append("\",\n  \"slides\": [");
        for (int s = 0; s < 4; s++) {
            b.append(s == 0 ? "\n" : ",\n").append("    {\"title\": \"").append(sentence(i + s, 4))
                    .append("\", \"page\": ").append(s + 1).append(", \"text\": \"").append(paragraph(i + s, 2)).append("\"}");
        }
        b.append("\n  ],\n  \"notes\": \"").append(paragraph(i + 1, 2)).append("\"\n}\n");
        return b.toString();
    }

    private static String title(int i) {
        String s = sentence(i * 3, 6);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String paragraph(int seed, int sentences) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            String sentence = sentence(seed * 31 + s, 18);
            b.append(Character.toUpperCase(sentence.charAt(0))).append(sentence.substring(1)).append(". ");
        }
        return b.toString().strip();
    }

    private static String sentence(int seed, int words) {
        StringBuilder b = new StringBuilder();
        long x = seed * 2654435761L + 12345;
        for (int w = 0; w < words; w++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (w > 0) {
                b.append(' ');
            }
            b.append(WORDS[(int) ((x >>> 33) % WORDS.length)]);
        }
        return b.toString();
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temp folder left behind is harmless; the figures are already printed.
        }
    }
}
