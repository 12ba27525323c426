package dev.lectern.app;

import dev.lectern.cli.AppOptions;
import dev.lectern.files.DefaultCourse;
import dev.lectern.files.UserDirs;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.store.BackupFile;
import dev.lectern.store.Progress;
import dev.lectern.store.ProgressStore;
import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.drill.DrillViewModel;
import dev.lectern.ui.editor.AuthoringViewModel;
import dev.lectern.ui.editor.Editor;
import dev.lectern.ui.settings.Settings;
import dev.lectern.ui.settings.SettingsStore;
import dev.lectern.ui.shell.FxDialogService;
import dev.lectern.ui.shell.MainView;
import dev.lectern.ui.transfer.FolderSync;
import dev.lectern.ui.shell.MainViewModel;
import dev.lectern.ui.shell.PreparedCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application: the main window on a course, with settings remembered between runs. */
public final class LecternApp extends Application {

    private static volatile AppOptions launchOptions = AppOptions.defaults();
    private static final AtomicInteger EXIT_CODE = new AtomicInteger(0);
    /** Longest wait for the first reading before --ready-exit or screenshot give up. */
    private static final Logger LOG = LoggerFactory.getLogger(LecternApp.class);
    /** The answer that puts back the backup of a missing progress database. */
    static final String RESTORE_BACKUP = "Restore Backup";
    private static final Duration GIVE_UP_AFTER = Duration.seconds(90);

    private final AppOptions options;
    private final Path configDir;
    private final Path dataDir;
    /** The grader handed in by a test, shared across its windows; null: the app starts (and stops) its own. */
    private final GradingService givenGrading;
    private GradingService grading;
    private OpeningProgress progress;
    /** Whether what opening the first course's progress found has been said; later courses' is said as they open. */
    private volatile boolean progressNoticesTold;
    private ExecutorService background;
    private MainViewModel model;
    private DrillViewModel drill;
    private AuthoringViewModel authoring;
    private MainView view;
    private SettingsStore settingsStore;
    /** The settings as they are now; written by {@link #settingsWriter}, in order, off the UI thread. */
    private Settings settings;
    private ExecutorService settingsWriter;
    private Stage stage;
    private boolean firstRenderHandled;
    private FolderSync folderSync;
    /** Completes when the first reading is on screen. */
    private final CompletableFuture<Void> firstReadingShown = new CompletableFuture<>();

    /** Used by {@link Application#launch}: options come from the command line. */
    public LecternApp() {
        this(launchOptions, withDataDir(UserDirs.fromEnvironment(), launchOptions), null);
    }

    /** The user's folders, with the data folder {@code --data-dir} gave, if it gave one. */
    private static UserDirs withDataDir(UserDirs dirs, AppOptions options) {
        return options.dataDir().map(d -> new UserDirs(dirs.config(), d.toAbsolutePath())).orElse(dirs);
    }

    /**
     * Used by tests: given folders for settings and data, and a grader already started (so that a test class loads
     * the grader's models once); null starts the standard grader.
     */
    public LecternApp(AppOptions options, UserDirs dirs, GradingService grading) {
        this.options = options;
        this.configDir = dirs.config();
        this.dataDir = dirs.data();
        this.givenGrading = grading;
    }

    /** The work started before the window, for the options it was started with; null when none was started. */
    private static volatile Preload preload;

    /**
     * What is made on a background thread while JavaFX starts, since none of it needs the toolkit: the settings,
     * then the course to open, then that course loaded with its first reading rendered.
     */
    private static final class Preload {
        final AppOptions options;
        final CompletableFuture<Settings> settings = new CompletableFuture<>();
        /** The course being prepared (empty when none could be chosen) and its preparation. */
        final CompletableFuture<Optional<Path>> course = new CompletableFuture<>();
        final CompletableFuture<PreparedCourse> preparing = new CompletableFuture<>();

        Preload(AppOptions options) {
            this.options = options;
        }
    }

    /** Launches the window and blocks until it closes; returns the process exit code. */
    public static int launchWith(AppOptions options) {
        launchOptions = options;
        preload = startPreload(options, UserDirs.fromEnvironment().config());
        Application.launch(LecternApp.class);
        return EXIT_CODE.get();
    }

    private static Preload startPreload(AppOptions options, Path configDir) {
        Preload started = new Preload(options);
        Thread thread = new Thread(() -> {
            try {
                Settings settings = new SettingsStore(configDir).load();
                started.settings.complete(settings);
                Optional<Path> course;
                try {
                    course = courseToOpen(options, settings);
                } catch (IOException e) {
                    // start() chooses again and tells the user.
                    course = Optional.empty();
                }
                started.course.complete(course);
                if (course.isPresent()) {
                    Theme theme = theme(options.theme().or(() -> Optional.ofNullable(settings.theme())).orElse("light"));
                    started.preparing.complete(PreparedCourse.prepare(course.get(),
                            readingToOpen(options, settings, course.get()), theme));
                }
            } catch (RuntimeException | Error e) {
                // start() does the same work again and reports what goes wrong there.
                started.settings.completeExceptionally(e);
                started.course.completeExceptionally(e);
                started.preparing.completeExceptionally(e);
            }
        }, "lectern-preload");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private static Optional<Path> courseToOpen(AppOptions options, Settings settings) throws IOException {
        if (options.course().isPresent()) {
            return options.course().map(p -> p.toAbsolutePath().normalize());
        }
        if (settings.lastCourse() != null && options.screenshot().isEmpty() && !options.readyExit()) {
            Path last = Path.of(settings.lastCourse());
            if (DefaultCourse.looksLikeCourse(last)) {
                return Optional.of(last);
            }
        }
        return Optional.of(DefaultCourse.locate());
    }

    private static Optional<String> readingToOpen(AppOptions options, Settings settings, Path course) {
        return options.reading().or(() -> Optional.ofNullable(settings.selectedReadings().get(course.toString())));
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public DrillViewModel drill() {
        return drill;
    }

    public AuthoringViewModel authoring() {
        return authoring;
    }

    /** The student's progress: the review log, card states, scheduler settings. */
    public Progress progress() {
        return progress;
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        settingsStore = new SettingsStore(configDir);
        Preload started = preload != null && preload.options == options ? preload : null;
        settings = started == null ? settingsStore.load() : started.settings.exceptionally(e -> settingsStore.load()).join();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lectern-background");
            t.setDaemon(true);
            return t;
        });
        // The grader's models load in the background once the first reading is on screen (or at the first grade),
        // and the course's search index is built then too: neither competes with the first reading.
        grading = givenGrading != null ? givenGrading : GradingService.deferred();
        FxDialogService dialogs = new FxDialogService(stage);
        model = new MainViewModel(background, Platform::runLater, dialogs);
        model.deferIndexingUntil(firstReadingShown);
        // Should the first reading not show (a course without readings, one that cannot be rendered), not for ever.
        CompletableFuture.delayedExecutor(8, java.util.concurrent.TimeUnit.SECONDS).execute(() -> {
            firstReadingShown.complete(null);
            grading.begin();
        });
        Clock clock = Clock.systemDefaultZone();
        progress = OpeningProgress.open(dataDir, clock);
        // Registered before anything else follows the course, so the due counts, the statistics, the review queue and
        // the exams all read the progress of the course now open (each course has its own).
        model.courseProperty().addListener((javafx.beans.Observable changed) -> {
            if (model.courseProperty().get() != null) {
                CompletableFuture<ProgressStore> was = progress.whenOpen();
                CompletableFuture<ProgressStore> now = progress.openFor(model.courseProperty().get());
                if (now != was && progressNoticesTold) {
                    // Another course after the first: what opening its own store found is said as at the start.
                    now.whenComplete((opened, failure) -> {
                        if (failure != null || opened != was.exceptionally(f -> null).getNow(null)) {
                            tellProgressNotices(dialogs);
                        }
                    });
                }
            }
        });
        DrillServices services = new DrillServices(grading, progress, dialogs, background, Platform::runLater, clock);
        drill = new DrillViewModel(services, new SecureRandom());
        authoring = new AuthoringViewModel(services, model.courseProperty(), model.themeProperty(), model::reload,
                dir -> model.openCourse(dir, Optional.empty()));
        model.themeProperty().set(theme(options.theme().or(() -> Optional.ofNullable(settings.theme())).orElse("light")));
        model.zoomProperty().set(settings.zoom() == null ? 1.0 : settings.zoom());
        settings.recentCourses().stream().map(Path::of).filter(Files::isDirectory).forEach(model.recentCourses()::add);

        view = new MainView(model, drill, authoring, dialogs, url -> getHostServices().showDocument(url), this::quit);
        folderSync = new FolderSync(background, Platform::runLater, dialogs, new FolderSync.Sources(progress::whenOpen,
                model.courseProperty()::get, Optional.ofNullable(settings.syncFolder()).map(Path::of),
                chosen -> saveSettings(settings.withSyncFolder(chosen.toString()))));
        view.offerSync(folderSync);
        // Synced after each drill (its reviews go to the others), and once the course's progress is open (theirs come
        // here); at close in stop().
        drill.currentProperty().addListener((obs, old, now) -> {
            if (old != null && now == null) {
                folderSync.syncNow();
            }
        });
        model.courseProperty().addListener((obs, old, now) -> {
            if (now != null) {
                progress.whenOpen().thenRun(() -> Platform.runLater(folderSync::syncNow));
            }
        });
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().setAll(Styles.stylesheets(model.themeProperty().get()));
        model.themeProperty().addListener((obs, old, theme) -> {
            scene.getStylesheets().setAll(Styles.stylesheets(theme));
            saveSettings(settings.withTheme(theme == Theme.DARK ? "dark" : "light"));
        });
        model.zoomProperty().addListener((obs, old, zoom) -> saveSettings(settings.withZoom(zoom.doubleValue())));
        stage.setScene(scene);
        stage.setTitle("Lectern");
        restoreWindow();
        stage.setOnCloseRequest(e -> {
            CompletableFuture<Boolean> mayQuit = authoring.confirmQuit();
            if (mayQuit.getNow(false)) {
                drill.suspend();
                rememberWindow();
                return;
            }
            // Not yet, or not at all: the window stays until the unsaved edits are saved (in the background).
            e.consume();
            mayQuit.thenAccept(quit -> {
                if (quit) {
                    leave();
                }
            });
        });
        bindTitleAndSettings();
        watchFirstRender();
        stage.show();
        if (!settings.dividers().isEmpty()) {
            double[] positions = settings.dividers().stream().mapToDouble(Double::doubleValue).toArray();
            view.split().setDividerPositions(positions);
        }

        Optional<Path> course = chooseCourse(dialogs);
        if (course.isEmpty()) {
            model.readingShown();
            return;
        }
        Optional<String> reading = readingToOpen(options, settings, course.get());
        CompletableFuture<PreparedCourse> preparing = started != null
                && started.course.exceptionally(e -> Optional.empty()).join().equals(course) ? started.preparing : null;
        model.openCourse(course.get(), reading, preparing).thenAccept(loaded -> {
            if (loaded != null && options.reading().isPresent()
                    && loaded.course().reading(options.reading().get()).isEmpty()) {
                failFast("There is no reading \"" + options.reading().get() + "\" in " + loaded.course().root() + ".");
            }
            if (loaded != null && isInteractive()) {
                // After this pulse, so the window shows the course behind the question.
                Platform.runLater(drill::offerToResume);
            }
            if (isInteractive()) {
                tellProgressNotices(dialogs);
            }
        });
    }

    /** Says once what opening the progress store found (a repaired or read-only database, say), or why it failed. */
    private void tellProgressNotices(FxDialogService dialogs) {
        progressNoticesTold = true;
        // Off the FX thread: whether to offer a backup depends on the reviews in the store.
        progress.whenOpen().whenCompleteAsync((store, failure) -> {
            Optional<BackupFile> backup = failure == null ? progress.offeredBackup() : Optional.empty();
            Platform.runLater(() -> tell(dialogs, store, failure, backup));
        }, background);
    }

    private void tell(FxDialogService dialogs, ProgressStore store, Throwable failure, Optional<BackupFile> backup) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            dialogs.showError("Progress not available", "Your review progress could not be opened ("
                    + cause.getMessage() + "). Reviews and statistics will not work this time; restart Lectern"
                    + " to try again.");
        } else {
            List<String> notices = store.notices().stream()
                    .filter(n -> backup.isEmpty() || !n.contains(backup.get().file().toString())).toList();
            if (!notices.isEmpty()) {
                dialogs.showInformation("Your progress", String.join("\n\n", notices));
            }
            backup.ifPresent(b -> offerToRestore(dialogs, store.dataDir(), b));
        }
    }

    /** {@code progress.db} was missing at the start but a backup holds reviews: asks whether to put it back. */
    private void offerToRestore(FxDialogService dialogs, Path folder, BackupFile backup) {
        String message = "Your progress database (progress.db) was missing from " + folder + ", so Lectern started"
                + " a new, empty one. The newest backup, " + backup.file().getFileName() + ", holds "
                + backup.reviews().orElse(0) + " reviews (written " + LocalDateTime.ofInstant(backup.written(),
                ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT))
                + ").\n\nRestore it? The empty database is kept aside, not deleted.";
        Optional<String> answer = dialogs.choose("Restore your progress?", message,
                List.of(RESTORE_BACKUP, "Start Afresh"));
        if (answer.filter(RESTORE_BACKUP::equals).isPresent()) {
            progress.restore(backup).thenAccept(said -> Platform.runLater(() -> dialogs.showInformation(
                    "Your progress", said)));
        }
    }

    private Optional<Path> chooseCourse(FxDialogService dialogs) {
        try {
            return courseToOpen(options, settings);
        } catch (IOException e) {
            dialogs.showError("No course to open", e.getMessage() + " Use File > Open Course… to choose a course folder.");
            failFast(e.getMessage());
            return Optional.empty();
        }
    }

    private static Theme theme(String name) {
        return "dark".equals(name.toLowerCase(Locale.ROOT)) ? Theme.DARK : Theme.LIGHT;
    }

    private void bindTitleAndSettings() {
        Runnable title = () -> {
            Editor editor = authoring.currentProperty().get();
            StringBuilder t = new StringBuilder(editor != null && editor.dirtyProperty().get() ? "• Lectern" : "Lectern");
            if (model.courseProperty().get() != null) {
                t.append(" — ").append(model.courseProperty().get().info().title());
            }
            if (model.selectedReadingProperty().get() != null) {
                t.append(" — ").append(model.selectedReadingProperty().get().shortTitle());
            }
            stage.setTitle(t.toString());
        };
        javafx.beans.value.ChangeListener<Boolean> dirtyChanged = (obs, old, dirty) -> title.run();
        authoring.currentProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.dirtyProperty().removeListener(dirtyChanged);
            }
            if (now != null) {
                now.dirtyProperty().addListener(dirtyChanged);
            }
            title.run();
        });
        model.courseProperty().addListener((obs, old, course) -> {
            title.run();
            if (course != null && isInteractive()) {
                saveSettings(settings.withCourseOpened(course.root().toString()));
            }
        });
        model.selectedReadingProperty().addListener((obs, old, reading) -> {
            title.run();
            if (model.courseProperty().get() != null && reading != null && isInteractive()) {
                saveSettings(settings.withSelectedReading(model.courseProperty().get().root().toString(), reading.id()));
            }
        });
    }

    /** Runs started to time start-up or take a screenshot leave the user's settings alone. */
    private boolean isInteractive() {
        return !options.readyExit() && options.screenshot().isEmpty();
    }

    private void saveSettings(Settings updated) {
        settings = updated;
        if (isInteractive()) {
            if (settingsWriter == null) {
                settingsWriter = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "lectern-settings");
                    t.setDaemon(true);
                    return t;
                });
            }
            settingsWriter.execute(() -> settingsStore.save(updated));
        }
    }

    private void restoreWindow() {
        if (settings.windowWidth() == null || settings.windowHeight() == null) {
            return;
        }
        double x = settings.windowX() == null ? 0 : settings.windowX();
        double y = settings.windowY() == null ? 0 : settings.windowY();
        double w = Math.max(640, settings.windowWidth());
        double h = Math.max(480, settings.windowHeight());
        // Only where a screen still shows it: a monitor may have gone since the last run.
        boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch(b -> b.intersects(new Rectangle2D(x, y, w, h)));
        if (visible) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setMaximized(Boolean.TRUE.equals(settings.maximized()));
    }

    private void rememberWindow() {
        List<Double> dividers = java.util.Arrays.stream(view.split().getDividerPositions()).boxed().toList();
        saveSettings(settings.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), dividers));
    }

    private void watchFirstRender() {
        if (options.readyExit() || options.screenshot().isPresent()) {
            PauseTransition giveUp = new PauseTransition(GIVE_UP_AFTER);
            giveUp.setOnFinished(e -> failFast("The first reading was not rendered within "
                    + (int) GIVE_UP_AFTER.toSeconds() + " seconds."));
            giveUp.play();
        }
        view.readingView().renderedCountProperty().addListener((obs, old, count) -> {
            if (firstRenderHandled || count.intValue() < 1) {
                return;
            }
            firstRenderHandled = true;
            grading.begin();
            firstReadingShown.complete(null);
            if (options.readyExit()) {
                long sinceStart = SharedClasses.millisSinceStart();
                System.out.println("ready " + sinceStart + SharedClasses.residentMemory());
                System.out.flush();
                exit(0);
            } else if (options.screenshot().isPresent()) {
                // Let the WebView paint the loaded document before taking the picture.
                PauseTransition settle = new PauseTransition(Duration.millis(400));
                settle.setOnFinished(e -> writeScreenshot(options.screenshot().get()));
                settle.play();
            }
        });
    }

    private void writeScreenshot(Path out) {
        try {
            WritableImage image = stage.getScene().snapshot(null);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile())) {
                throw new IOException("no PNG writer available");
            }
            System.out.println("wrote " + out + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
            exit(0);
        } catch (IOException | RuntimeException e) {
            failFast("The screenshot could not be written to " + out + ": " + e.getMessage());
        }
    }

    private void failFast(String message) {
        if (options.readyExit() || options.screenshot().isPresent()) {
            System.err.println("lectern: " + message);
            exit(1);
        }
    }

    private void exit(int code) {
        EXIT_CODE.set(code);
        Platform.exit();
    }

    /** File > Quit: once the unsaved edits are saved or dropped (the user is asked), or not if the user cancels. */
    private void quit() {
        authoring.confirmQuit().thenAccept(quit -> {
            if (quit) {
                leave();
            }
        });
    }

    private void leave() {
        drill.suspend();
        rememberWindow();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (drill != null) {
            drill.close();
        }
        if (model != null) {
            model.close();
        }
        if (folderSync != null) {
            LOG.info("{}", folderSync.syncBeforeExit(java.time.Duration.ofSeconds(10)));
        }
        if (progress != null) {
            progress.close();
        }
        if (grading != null && grading != givenGrading) {
            grading.close();
        }
        if (background != null) {
            // Not shutdownNow: interrupting Lucene or a file write midway helps no one; the threads are daemons.
            background.shutdown();
        }
        if (settingsWriter != null) {
            // The window's size and place were handed over as it closed: they are written before the JVM ends.
            settingsWriter.shutdown();
            try {
                if (!settingsWriter.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("the settings were still being written when Lectern quit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
