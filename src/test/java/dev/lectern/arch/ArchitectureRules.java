package dev.lectern.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * The architecture rules of DEVELOPERS.md as ArchUnit rules over a base package, so they can be checked against
 * Lectern ({@code dev.lectern}) and against deliberately broken fixtures (to show each rule can fail).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Only ui and app import JavaFX. */
    static ArchRule onlyUiAndAppUseJavaFx(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(base + ".ui..", base + ".app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("only the ui and app packages may use JavaFX");
    }

    /** ui reaches SQL, Lucene and PDFBox only through the capability's service. */
    static ArchRule uiUsesNoStorageSearchOrPdfLibrariesDirectly(String base) {
        return noClasses().that().resideInAPackage(base + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.lucene..",
                        "org.apache.pdfbox..", "org.sqlite..")
                .because("the ui calls the store, search and pdf services instead of their libraries");
    }

    /** Domain records are plain Java: no Jackson, Flexmark, JavaFX ... in their fields or methods. */
    static ArchRule domainRecordsCarryNoLibraryTypes(String base) {
        return classes().that().resideInAPackage(base + ".course..").and().areRecords().and().arePublic()
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base + ".course..")
                .because("domain records carry no library types");
    }

    /** No cycles between the capability packages. */
    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    /** Scheduling, study and scoring are pure: time and randomness are passed in. */
    static ArchRule schedulingAndScoringReadNoClockOrRandomness(String base) {
        return noClasses().that().resideInAnyPackage(base + ".scheduling..", base + ".study..", base + ".grading..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(Random.class)
                .because("scheduling and scoring are pure functions with time and randomness passed in");
    }

    /** Only the command line and the app's start-up print to the console. */
    static ArchRule onlyCliAndAppPrintToTheConsole(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(base + ".cli..", base + ".app..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("library code reports through return values and logging, not the console");
    }

    /**
     * The store's sub-packages ({@code sqlite}, {@code backup}, {@code exams}) have public members so the store can
     * use them across packages; outside the store only the exams' entry, {@code ExamStore}, is used.
     */
    static ArchRule storeInternalsAreUsedOnlyByTheStore(String base) {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".store..")
                .should().dependOnClassesThat(resideInAnyPackage(base + ".store.sqlite..", base + ".store.backup..")
                        .or(resideInAPackage(base + ".store.exams..").and(not(simpleName("ExamStore")))))
                .because("the rest of Lectern reaches the store through ProgressStore, Progress and ExamStore");
    }

    /**
     * The layers, top to bottom: the app's start-up; the command line (with the benchmarks) and the window; the
     * services (interchange, render, store, search, pdf, sync); then, side by side, the course's files (load, edit,
     * files) and the pure study logic (grading, scheduling, study); at the bottom the course records, which
     * everyone may use. A layer is used only by the layers above it, and an empty layer fails the rule, so a
     * renamed package cannot make it pass.
     */
    static ArchRule layersAreUsedOnlyFromAbove(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy(base + ".app..")
                .layer("Command line").definedBy(base + ".cli..", base + ".bench..")
                .layer("Window").definedBy(base + ".ui..")
                .layer("Services").definedBy(base + ".interchange..", base + ".render..", base + ".store..",
                        base + ".search..", base + ".pdf..", base + ".sync..")
                .layer("Course files").definedBy(base + ".course.load..", base + ".course.edit..",
                        base + ".course.internal..", base + ".files..")
                .layer("Study logic").definedBy(base + ".grading..", base + ".scheduling..", base + ".study..")
                .layer("Course records").definedBy(base + ".course")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Command line").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Window").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("App", "Command line", "Window")
                .whereLayer("Course files").mayOnlyBeAccessedByLayers("App", "Command line", "Window", "Services")
                .whereLayer("Study logic").mayOnlyBeAccessedByLayers("App", "Command line", "Window", "Services")
                .because("dependencies point down: ui, cli and app on top, the course records at the bottom");
    }

    /** View models hold state and logic that tests drive without a window: no JavaFX controls, nodes or scenes. */
    static ArchRule viewModelsUseNoJavaFxScene(String base) {
        return noClasses().that().resideInAPackage(base + ".ui..").and().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a view model exposes properties; its view builds the scene");
    }

    /**
     * A package named {@code internal} holds members public only so its parent's sub-packages can share them
     * ({@code course.internal}: what {@code course.load} and {@code course.edit} agree on); only classes under
     * that parent use it.
     */
    static ArchRule internalPackagesAreUsedOnlyUnderTheirParent(String base) {
        return classes().that().resideInAPackage(base + "..internal..")
                .should(new ArchCondition<JavaClass>("be used only by classes under the package holding the"
                        + " internal package") {
                    @Override
                    public void check(JavaClass internal, ConditionEvents events) {
                        String pkg = internal.getPackageName();
                        String parent = pkg.substring(0, pkg.lastIndexOf(".internal"));
                        for (Dependency d : internal.getDirectDependenciesToSelf()) {
                            String from = d.getOriginClass().getPackageName();
                            if (!from.equals(parent) && !from.startsWith(parent + ".")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("an internal package is its parent's business");
    }
}
