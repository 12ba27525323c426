package dev.lectern.cli;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.store.Progress;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.Exam;
import dev.lectern.study.StudyStatistics;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lectern stats}: the figures of the Statistics view, as text. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints your study statistics: totals and streaks, reviews per day, the reviews due in the next"
                + " 30 days, true retention by week, mastery per reading, and your exams.",
                "Exit code: 0, 2 on a usage error."})
final class StatsCommand extends ContextCommand {

    @Option(names = "--days", paramLabel = "30|90|365", defaultValue = "30",
            description = "How many days of reviews per day to list (default ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    CourseOption course;

    StatsCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        if (days != 30 && days != 90 && days != 365) {
            throw usageError("--days must be 30, 90 or 365, not " + days + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Course c = CourseLoader.load(course.dir()).course();
        Instant now = context.clock().instant();
        ZoneId zone = context.clock().getZone();
        try (Progress progress = context.progress().apply(StoreCli.dataDir(spec, c))) {
            progress.notices().forEach(n -> err.println("note: " + n));
            StudyStatistics s = StudyStatistics.compute(progress.allReviews(), progress.cardStates(),
                    DrillPlans.readingCards(c), now, zone);
            print(out, s, progress.exams().finished(), LocalDate.ofInstant(now, zone), zone);
            List<String> kept = dev.lectern.study.DrillPlans.notInCourse(c, progress.cardStates().keySet());
            if (!kept.isEmpty()) {
                out.printf(Locale.ROOT, "%nHistory kept for %s no longer in the course (renamed or removed; it comes"
                        + " back if they return): %s%n", Summary.plural(kept.size(), "question"),
                        String.join(", ", kept));
            }
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, StudyStatistics s, List<Exam> exams, LocalDate today, ZoneId zone) {
        out.printf(Locale.ROOT, "Statistics on %s%n", today);
        out.printf(Locale.ROOT, "%s of %s. Streak: %s (longest %s).%n", Summary.plural(s.totalReviews(), "review"),
                Summary.plural(s.cardsStudied(), "question"), Summary.plural(s.currentStreak(), "day"),
                Summary.plural(s.longestStreak(), "day"));

        List<StudyStatistics.DayCount> recent = s.reviewsPerDay().subList(Math.max(0, s.reviewsPerDay().size() - days),
                s.reviewsPerDay().size());
        int inSpan = recent.stream().mapToInt(StudyStatistics.DayCount::count).sum();
        out.printf(Locale.ROOT, "%nReviews per day, last %d days: %s", days, Summary.plural(inSpan, "review"));
        out.println(inSpan == 0 ? "." : ", on these days:");
        recent.stream().filter(d -> d.count() > 0)
                .forEach(d -> out.printf(Locale.ROOT, "  %s  %d%n", d.day(), d.count()));

        int due = s.dueForecast().stream().mapToInt(StudyStatistics.DayCount::count).sum();
        out.printf(Locale.ROOT, "%nDue in the next 30 days: %s", Summary.plural(due, "review"));
        out.println(due == 0 ? "." : " (today's count includes the overdue):");
        s.dueForecast().stream().filter(d -> d.count() > 0)
                .forEach(d -> out.printf(Locale.ROOT, "  %s  %d%n", d.day(), d.count()));

        out.printf(Locale.ROOT, "%nTrue retention by week (reviews of questions last seen a day or more before):");
        out.println(s.retentionByWeek().isEmpty() ? " none yet." : "");
        s.retentionByWeek().forEach(w -> out.printf(Locale.ROOT, "  week of %s  %3d%%  (%d of %d recalled)%n",
                w.weekStart(), Math.round(w.retention() * 100), w.passed(), w.reviews()));

        out.printf(Locale.ROOT, "%nMastery per reading (questions with a stability of %.0f days or more):%n",
                StudyStatistics.MASTERED_STABILITY);
        int width = s.mastery().stream().mapToInt(m -> m.readingId().length()).max().orElse(0);
        for (StudyStatistics.ReadingMastery m : s.mastery()) {
            if (m.questions() > 0) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %3d%%  %d of %d  %s%n", m.readingId(),
                        Math.round(m.share() * 100), m.mastered(), m.questions(), m.title());
            }
        }

        out.printf(Locale.ROOT, "%nExams: %s.%n", exams.isEmpty() ? "none finished yet"
                : Summary.plural(exams.size(), "finished exam") + ", the latest first");
        exams.stream().limit(5).forEach(e -> out.printf(Locale.ROOT, "  %s  %3d%%  %s (%s)%n",
                LocalDate.ofInstant(e.startedAt(), zone), e.total().percent(), e.title(),
                Summary.plural(e.size(), "question")));
    }
}
