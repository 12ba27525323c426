package dev.lectern.ui.statistics;

import dev.lectern.study.Exam;
import dev.lectern.study.StudyStatistics;
import dev.lectern.ui.Messages;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.exam.ExamHistoryView;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The statistics as charts: reviews per day (30, 90 or 365 days), the due forecast, true retention by week, mastery
 * per reading as bars, streaks and totals, and the finished exams. Layout and bindings only.
 */
public final class StatisticsView extends ScrollPane implements DrillView {

    public static final String ID_REVIEWS_CHART = "statsReviewsPerDay";
    public static final String ID_FORECAST_CHART = "statsForecast";
    public static final String ID_RETENTION_CHART = "statsRetention";
    public static final String ID_RETENTION_NOTE = "statsRetentionNote";
    public static final String ID_BACKUPS = "statsBackups";
    public static final String ID_OVERRIDES = "statsOverrides";
    public static final String ID_MASTERY = "statsMastery";
    public static final String ID_STREAKS = "statsStreaks";
    public static final String ID_TOTALS = "statsTotals";
    public static final String ID_EXAMS = "statsExams";
    public static final String ID_EXPORT = "statsExport";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final StatisticsViewModel model;
    private final BarChart<String, Number> reviews = barChart("Reviews per day", "reviews");
    private final BarChart<String, Number> forecast = barChart("Due in the next 30 days", "reviews due");
    private final LineChart<String, Number> retention;
    private final GridPane mastery = new GridPane();
    private final VBox exams = new VBox(2);
    private final ToggleGroup spans = new ToggleGroup();

    public StatisticsView(StatisticsViewModel model) {
        this.model = model;
        setFitToWidth(true);

        NumberAxis percent = new NumberAxis(0, 100, 10);
        percent.setLabel("% recalled");
        retention = new LineChart<>(new CategoryAxis(), percent);
        retention.setTitle("True retention by week (reviews of graduated questions)");
        retention.setLegendVisible(false);
        retention.setAnimated(false);
        retention.setPrefHeight(240);
        retention.setId(ID_RETENTION_CHART);
        reviews.setId(ID_REVIEWS_CHART);
        forecast.setId(ID_FORECAST_CHART);

        Label streaks = figure(ID_STREAKS);
        streaks.textProperty().bind(model.streaksProperty());
        Label totals = figure(ID_TOTALS);
        totals.textProperty().bind(model.totalsProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.loadingProperty());
        Button export = new Button("_Export Review Log…");
        export.setId(ID_EXPORT);
        export.setOnAction(e -> model.exportReviewLog());
        Button refresh = new Button("Re_fresh");
        refresh.setOnAction(e -> model.refresh());
        HBox figures = new HBox(24, streaks, totals, busy);
        Label message = new Label();
        message.getStyleClass().add(Styles.DRILL_MESSAGE);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        HBox spanChoice = new HBox(12, new Label("Show the last"));
        for (int days : StatisticsViewModel.SPANS) {
            RadioButton b = new RadioButton(days + " days");
            b.setId("statsDays" + days);
            b.setToggleGroup(spans);
            b.setUserData(days);
            b.setSelected(days == model.daysProperty().get());
            spanChoice.getChildren().add(b);
        }
        spans.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.daysProperty().set((Integer) now.getUserData());
            }
        });

        mastery.setId(ID_MASTERY);
        mastery.setHgap(10);
        mastery.setVgap(4);
        exams.setId(ID_EXAMS);
        Label examSummary = new Label();
        examSummary.textProperty().bind(model.examSummaryProperty());

        Label kept = new Label();
        kept.setWrapText(true);
        kept.textProperty().bind(model.keptProperty());
        kept.visibleProperty().bind(model.keptProperty().isNotEmpty());
        kept.managedProperty().bind(kept.visibleProperty());
        Label backupList = new Label();
        backupList.setId(ID_BACKUPS);
        backupList.setWrapText(true);
        backupList.textProperty().bind(model.backupsProperty());
        Label overrideList = new Label();
        overrideList.setId(ID_OVERRIDES);
        overrideList.setWrapText(true);
        overrideList.textProperty().bind(model.overridesProperty());
        Label retentionNote = new Label();
        retentionNote.setId(ID_RETENTION_NOTE);
        retentionNote.setWrapText(true);
        retentionNote.textProperty().bind(model.retentionNoteProperty());
        retentionNote.visibleProperty().bind(model.retentionNoteProperty().isNotEmpty());
        retentionNote.managedProperty().bind(retentionNote.visibleProperty());
        VBox content = new VBox(12, figures, message, kept, new HBox(8, export, refresh), section("Reviews"), spanChoice,
                reviews, section("Forecast"), forecast, section("Retention"), retentionNote, retention,
                section("Mastery per reading (questions with a stability of 21 days or more)"), mastery,
                section("Exams"), examSummary, exams,
                section("How often you overrode the grader, per question set"), overrideList,
                section("Backups of your progress"), backupList);
        content.setPadding(new Insets(16));
        setContent(content);

        model.reviewsPerDay().addListener((ListChangeListener<StudyStatistics.DayCount>) c -> fillDays(reviews,
                model.reviewsPerDay()));
        model.dueForecast().addListener((ListChangeListener<StudyStatistics.DayCount>) c -> fillDays(forecast,
                model.dueForecast()));
        model.retentionByWeek().addListener((ListChangeListener<StudyStatistics.WeekRetention>) c -> fillRetention());
        model.mastery().addListener((ListChangeListener<StudyStatistics.ReadingMastery>) c -> fillMastery());
        model.exams().addListener((ListChangeListener<Exam>) c -> fillExams());
        fillDays(reviews, model.reviewsPerDay());
        fillDays(forecast, model.dueForecast());
        fillRetention();
        fillMastery();
        fillExams();
    }

    private static BarChart<String, Number> barChart(String title, String yLabel) {
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setBarGap(0);
        chart.setCategoryGap(1);
        chart.setPrefHeight(240);
        return chart;
    }

    private static Label figure(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.STAT_FIGURE);
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DRILL_SECTION);
        return label;
    }

    private static void fillDays(BarChart<String, Number> chart, List<StudyStatistics.DayCount> days) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (StudyStatistics.DayCount d : days) {
            series.getData().add(new XYChart.Data<>(DAY.format(d.day()), d.count()));
        }
        chart.getData().setAll(List.of(series));
        // A label under each of 90 or 365 bars would be unreadable; the tooltip-free bars then speak for themselves.
        chart.getXAxis().setTickLabelsVisible(days.size() <= 31);
    }

    private void fillRetention() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (StudyStatistics.WeekRetention w : model.retentionByWeek()) {
            series.getData().add(new XYChart.Data<>(DAY.format(w.weekStart()), Math.round(w.retention() * 1000) / 10.0));
        }
        retention.getData().setAll(List.of(series));
    }

    private void fillMastery() {
        mastery.getChildren().clear();
        int row = 0;
        for (StudyStatistics.ReadingMastery m : model.mastery()) {
            Label title = new Label(m.title());
            ProgressBar bar = new ProgressBar(m.share());
            bar.getStyleClass().add(Styles.MASTERY_BAR);
            bar.setPrefWidth(240);
            bar.setTooltip(new Tooltip(m.mastered() + " of " + Messages.plural(m.questions(), "question") + " mastered"));
            Label share = new Label(m.mastered() + " / " + m.questions());
            share.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            title.setTooltip(new Tooltip(m.title()));
            mastery.addRow(row++, title, bar, share);
        }
        if (row == 0) {
            mastery.add(new Label("No readings with questions."), 0, 0);
        }
    }

    private void fillExams() {
        exams.getChildren().clear();
        model.exams().stream().limit(10).forEach(e -> exams.getChildren().add(new Label(ExamHistoryView.describe(e))));
    }

    @Override
    public void focusFirst() {
        Platform.runLater(() -> Platform.runLater(() -> {
            Node first = spans.getSelectedToggle() instanceof Node n ? n : this;
            first.requestFocus();
        }));
    }

    @Override
    public void dispose() {
        // The view model's lists outlive nothing: the view model is closed with the view.
    }
}
