package dev.lectern.app;

import dev.lectern.course.CourseLoader;
import dev.lectern.course.DefaultCourse;
import dev.lectern.course.LoadedCourse;
import dev.lectern.course.Reading;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application: opens the default course and lists its readings. */
public final class LecternApp extends Application {

    @Override
    public void start(Stage stage) {
        ListView<String> readings = new ListView<>();
        Label status = new Label("Loading the course…");
        BorderPane root = new BorderPane(readings);
        root.setBottom(status);
        BorderPane.setMargin(status, new Insets(4, 8, 4, 8));
        stage.setTitle("Lectern");
        stage.setScene(new Scene(root, 900, 640));
        stage.show();

        Task<LoadedCourse> load = new Task<>() {
            @Override
            protected LoadedCourse call() throws Exception {
                return CourseLoader.load(DefaultCourse.locate());
            }
        };
        load.setOnSucceeded(e -> {
            LoadedCourse loaded = load.getValue();
            stage.setTitle("Lectern — " + loaded.course().info().title());
            for (Reading r : loaded.course().readings()) {
                readings.getItems().add("Week " + r.week() + " · " + r.shortTitle() + " — " + r.title());
            }
            status.setText(loaded.course().readings().size() + " readings, " + loaded.course().questionSets().size()
                    + " question sets, " + loaded.errorCount() + " errors, " + loaded.warningCount() + " warnings");
        });
        load.setOnFailed(e -> status.setText("The course could not be opened: " + load.getException().getMessage()));
        Thread worker = new Thread(load, "course-loader");
        worker.setDaemon(true);
        worker.start();
    }
}
