package dev.lectern.bench;

import dev.lectern.cli.AnswerFile;
import dev.lectern.cli.CliContext;
import dev.lectern.cli.Summary;
import dev.lectern.course.Course;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Problem;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.cli.CourseOption;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import dev.lectern.grading.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lectern bench grade}: grader load time, time to the first grade, and the latency of a grade. */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads the grader and prints how long that took and how long after the JVM started the first"
                + " grade was ready; then grades answers one at a time after a warm-up and prints the latency (p50,"
                + " p95, max). The answers are the course's questions answered with their reference answer, a"
                + " shortened one, an alternative (or the key points) and another question's answer, or the rows of"
                + " --data. Goals: first grade < 2 s after JVM start, p95 < 30 ms; with --examples 50, p95 < 40 ms.")
final class BenchGradeCommand extends Measurement {

    static final long FIRST_GRADE_GOAL_MS = 2000;
    static final double P95_GOAL_MS = 30;
    static final double P95_WITH_EXAMPLES_GOAL_MS = 40;

    @Option(names = "--answers", defaultValue = "1000", paramLabel = "N",
            description = "Grades to time (default ${DEFAULT-VALUE}).")
    int answers;

    @Option(names = "--warm-up", defaultValue = "200", paramLabel = "N",
            description = "Grades before the timed ones (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Grade the rows of this CSV (as for `lectern grade --batch`) instead of the course's.")
    Path data;

    @Option(names = "--examples", defaultValue = "0", paramLabel = "N",
            description = "Give each question N judged examples (other answers to it, then answers to other"
                    + " questions, verdicts in turn correct, partial, incorrect) and time grades of answers to the"
                    + " first 10 questions only, after grading every example once (warm; the answers timed are new). Default"
                    + " ${DEFAULT-VALUE}.")
    int examples;

    @Mixin
    CourseOption course;

    private final CliContext context;

    BenchGradeCommand(CliContext context) {
        this.context = context;
    }

    static final int QUESTIONS_WITH_EXAMPLES = 10;

    /**
     * The samples of the first few questions, each key with {@code n} judged examples; the answers that are examples
     * are not timed (an answer is never its own example, and its grade would be remembered).
     */
    static List<Sample> withExamples(List<Sample> samples, int n) {
        List<String> questions = samples.stream().map(s -> s.key().question()).distinct()
                .limit(QUESTIONS_WITH_EXAMPLES).toList();
        List<String> texts = samples.stream().map(Sample::answer).distinct().toList();
        dev.lectern.course.ExampleVerdict[] verdicts = dev.lectern.course.ExampleVerdict.values();
        List<Sample> out = new ArrayList<>();
        for (String q : questions) {
            List<String> answers = new ArrayList<>(samples.stream().filter(s -> s.key().question().equals(q))
                    .map(Sample::answer).distinct().toList());
            for (String t : texts) {
                if (answers.size() >= n) {
                    break;
                }
                if (!answers.contains(t)) {
                    answers.add(t);
                }
            }
            List<dev.lectern.course.JudgedExample> judged = new ArrayList<>();
            for (int i = 0; i < Math.min(n, answers.size()); i++) {
                judged.add(new dev.lectern.course.JudgedExample(answers.get(i), verdicts[i % verdicts.length], ""));
            }
            Set<String> examples = new HashSet<>(answers.subList(0, judged.size()));
            samples.stream().filter(s -> s.key().question().equals(q) && !examples.contains(s.answer()))
                    .forEach(s -> out.add(new Sample(s.key().withExamples(judged), s.answer())));
        }
        return out;
    }

    /** An answer to grade against its key. */
    record Sample(AnswerKey key, String answer) {
    }

    @Override
    Optional<String> wrongOptions() {
        return unless(answers >= 1 && warmUp >= 0 && examples >= 0,
                "--answers must be at least 1, --warm-up and --examples at least 0.")
                .or(() -> unless(data == null || course.given().isEmpty(), "Give --data or --course, not both."));
    }

    @Override
    int measure(PrintWriter out, PrintWriter err) throws IOException {

        long start = System.nanoTime();
        Grader grader = context.grader().get();
        out.printf(Locale.ROOT, "grader loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        grader.grade(FIRST_KEY, FIRST_ANSWER);
        long firstMs = ManagementFactory.getRuntimeMXBean().getUptime();
        out.printf(Locale.ROOT, "first grade %d ms after JVM start (goal < %d ms: %s)%n", firstMs,
                FIRST_GRADE_GOAL_MS, firstMs < FIRST_GRADE_GOAL_MS ? "met" : "missed");
        out.flush();

        List<Sample> samples;
        if (data != null) {
            AnswerFile file;
            try {
                file = AnswerFile.read(data, "every row needs the question, the reference answer and the"
                        + " student's answer");
            } catch (AnswerFile.Unreadable e) {
                err.println(e.problem().format());
                err.flush();
                return 1;
            }
            List<Problem> problems = file.problems();
            samples = file.answers().stream().map(a -> new Sample(a.key(), a.text())).toList();
            problems.stream().sorted(Problem.IN_FILE_ORDER).forEach(p -> err.println(p.format()));
            if (samples.isEmpty()) {
                err.println("lectern: " + data + " has no rows to grade.");
                err.flush();
                return 1;
            }
            out.printf(Locale.ROOT, "answers: %d, cycling through the %s of %s (each text once: repeats are reworded)%n", answers,
                    Summary.plural(samples.size(), "row"), data);
        } else {
            Path dir = course.dir();
            Course c = CourseLoader.load(dir).course();
            samples = courseSamples(c);
            if (samples.isEmpty()) {
                err.println("lectern: The course in " + dir + " has no questions to answer.");
                err.flush();
                return 1;
            }
            out.printf(Locale.ROOT, "answers: %d, cycling through %d for the %s of %s (reference answers,"
                    + " shortened ones, alternatives or key points, other questions' answers; each text once: repeats are"
                    + " reworded)%n", answers,
                    samples.size(), Summary.plural(c.questionCount(), "question"), dir);
        }

        if (examples > 0) {
            samples = withExamples(samples, examples);
            if (samples.isEmpty()) {
                err.println("lectern: No question has more than " + examples + " answers, so none is left to time.");
                err.flush();
                return 1;
            }
            Set<String> warmed = new HashSet<>();
            for (Sample s : samples) {
                if (warmed.add(s.key().question())) {
                    grader.grade(s.key(), "warming up"); // grades every example of the question once
                }
            }
            out.printf(Locale.ROOT, "examples: %d per question, answers to the first %d questions only%n", examples,
                    samples.stream().map(s -> s.key().question()).distinct().count());
        }
        Set<String> seen = new HashSet<>();
        if (warmUp > 0) {
            double[] ms = time(grader, samples, seen, warmUp, null);
            out.printf(Locale.ROOT, "warm-up: %d grades, %s%n", warmUp, BenchSearchCommand.figures(ms));
        }
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        double[] ms = time(grader, samples, seen, answers, verdicts);
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double p95 = BenchSearchCommand.percentile(sorted, 95);
        double goal = examples > 0 ? P95_WITH_EXAMPLES_GOAL_MS : P95_GOAL_MS;
        out.printf(Locale.ROOT, "latency: %d grades, %s (goal p95 < %.0f ms: %s)%n", answers,
                BenchSearchCommand.figures(ms), goal, p95 < goal ? "met" : "missed");
        out.printf(Locale.ROOT, "verdicts: %s%n", Arrays.stream(Verdict.values())
                .map(v -> v.label() + " " + verdicts.getOrDefault(v, 0)).collect(Collectors.joining(", ")));
        out.println(SyntheticCourse.machine());
        out.flush();
        return 0;
    }

    /**
     * Grades {@code count} answers, cycling through the samples, one at a time; the latency of each in ms. A text
     * already graded is reworded first, so that every grade is of a new text.
     */
    private static double[] time(Grader grader, List<Sample> samples, Set<String> seen, int count,
                                 Map<Verdict, Integer> verdicts) {
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            Sample sample = samples.get(i % samples.size());
            String answer = sample.answer();
            for (int round = 1; !seen.add(sample.key().question() + "\u0000" + answer); round++) {
                answer = variant(sample.answer(), round);
            }
            long s = System.nanoTime();
            Grade grade = grader.grade(sample.key(), answer);
            ms[i] = (System.nanoTime() - s) / 1e6;
            if (verdicts != null) {
                verdicts.merge(grade.verdict(), 1, Integer::sum);
            }
        }
        return ms;
    }

    /**
     * The answer as a student might retype it on a later round: round 0 as it is, later rounds with a different
     * opening (round 1 and up), so that no text is graded twice (the grader caches the meaning of texts it has seen, which a
     * student's new answer never is).
     */
    static String variant(String answer, int round) {
        String[] openings = {"I think ", "Well, ", "In short, ", "As I recall, ", "Basically, ", "My answer: "};
        return openings[(round - 1) % openings.length] + (round > openings.length ? round + ": " : "") + answer;
    }

    /**
     * For every question of the course: its reference answer, its first third and first two thirds, an alternative
     * answer (else its key points in a row), and the reference answer of a question half the course away.
     */
    static List<Sample> courseSamples(Course course) {
        List<Question> questions = new ArrayList<>();
        for (QuestionSet set : course.questionSets()) {
            questions.addAll(set.questions());
        }
        List<Sample> samples = new ArrayList<>();
        int n = questions.size();
        for (int i = 0; i < n; i++) {
            Question q = questions.get(i);
            AnswerKey key = AnswerKey.of(q);
            String[] words = q.referenceAnswer().strip().split("\\s+");
            samples.add(new Sample(key, q.referenceAnswer()));
            samples.add(new Sample(key, String.join(" ", Arrays.asList(words).subList(0, (words.length + 2) / 3))));
            samples.add(new Sample(key, String.join(" ", Arrays.asList(words).subList(0, (2 * words.length + 2) / 3))));
            samples.add(new Sample(key, !q.alternativeAnswers().isEmpty() ? q.alternativeAnswers().get(0)
                    : q.keyPoints().stream().map(KeyPoint::text).collect(Collectors.joining(", "))));
            if (n > 1) {
                samples.add(new Sample(key, questions.get((i + n / 2) % n).referenceAnswer()));
            }
        }
        return samples;
    }

    /** The first grade: a short question of the kind the course asks, answered in other words. */
    private static final AnswerKey FIRST_KEY = new AnswerKey("What does self-attention compute for each token?",
            "A weighted sum of the value vectors of all tokens, weighted by how similar the token's query is to each"
                    + " key.",
            List.of(), List.of(new KeyPoint("weighted sum of values", List.of()),
                    new KeyPoint("weights from query-key similarity", List.of("softmax of query-key dot products"))));
    private static final String FIRST_ANSWER = "It mixes the values of every token, using softmax weights from the dot"
            + " products of queries and keys.";
}
