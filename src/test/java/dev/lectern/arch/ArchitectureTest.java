package dev.lectern.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lectern's architecture rules, checked on the production classes; the build fails when one breaks. */
class ArchitectureTest {

    private static final String BASE = "dev.lectern";
    private static JavaClasses lectern;

    @BeforeAll
    static void importClasses() {
        lectern = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        ArchitectureRules.onlyUiAndAppUseJavaFx(BASE).check(lectern);
    }

    @Test
    void uiUsesNoStorageSearchOrPdfLibrariesDirectly() {
        ArchitectureRules.uiUsesNoStorageSearchOrPdfLibrariesDirectly(BASE).check(lectern);
    }

    @Test
    void domainRecordsCarryNoLibraryTypes() {
        ArchitectureRules.domainRecordsCarryNoLibraryTypes(BASE).check(lectern);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noPackageCycles(BASE).check(lectern);
    }

    @Test
    void schedulingAndScoringReadNoClockOrRandomness() {
        ArchitectureRules.schedulingAndScoringReadNoClockOrRandomness(BASE).check(lectern);
    }

    @Test
    void onlyCliAndAppPrintToTheConsole() {
        ArchitectureRules.onlyCliAndAppPrintToTheConsole(BASE).check(lectern);
    }

    @Test
    void storeInternalsAreUsedOnlyByTheStore() {
        ArchitectureRules.storeInternalsAreUsedOnlyByTheStore(BASE).check(lectern);
    }

    @Test
    void layersAreUsedOnlyFromAbove() {
        ArchitectureRules.layersAreUsedOnlyFromAbove(BASE).check(lectern);
    }

    @Test
    void viewModelsUseNoJavaFxScene() {
        ArchitectureRules.viewModelsUseNoJavaFxScene(BASE).check(lectern);
    }

    @Test
    void internalPackagesAreUsedOnlyUnderTheirParent() {
        ArchitectureRules.internalPackagesAreUsedOnlyUnderTheirParent(BASE).check(lectern);
    }

    /** Each rule, run on classes that break it on purpose, must fail: a rule that cannot fail checks nothing. */
    @Test
    void everyRuleCatchesItsViolation() {
        String fixtures = "dev.lectern.arch.violations";
        JavaClasses broken = new ClassFileImporter().importPackages(fixtures);

        assertThatThrownBy(() -> ArchitectureRules.onlyUiAndAppUseJavaFx(fixtures).check(broken))
                .hasMessageContaining("CourseUsingJavaFx");
        assertThatThrownBy(() -> ArchitectureRules.uiUsesNoStorageSearchOrPdfLibrariesDirectly(fixtures).check(broken))
                .hasMessageContaining("ViewUsingSql");
        assertThatThrownBy(() -> ArchitectureRules.domainRecordsCarryNoLibraryTypes(fixtures).check(broken))
                .hasMessageContaining("RecordWithLibraryType");
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(fixtures).check(broken))
                .hasMessageContaining("Cycle");
        assertThatThrownBy(() -> ArchitectureRules.schedulingAndScoringReadNoClockOrRandomness(fixtures).check(broken))
                .hasMessageContaining("ImpureScheduler");
        assertThatThrownBy(() -> ArchitectureRules.onlyCliAndAppPrintToTheConsole(fixtures).check(broken))
                .hasMessageContaining("CourseUsingJavaFx");
        assertThatThrownBy(() -> ArchitectureRules.layersAreUsedOnlyFromAbove(fixtures).check(broken))
                .hasMessageContaining("ReadingThatSchedules")
                .hasMessageContaining("StoreUsingUi");
        assertThatThrownBy(() -> ArchitectureRules.viewModelsUseNoJavaFxScene(fixtures).check(broken))
                .hasMessageContaining("ReadingViewModel");
        assertThatThrownBy(() -> ArchitectureRules.internalPackagesAreUsedOnlyUnderTheirParent(fixtures).check(broken))
                .hasMessageContaining("ViewUsingCourseInternals")
                .hasMessageNotContaining("DocumentUsingCourseInternals");
    }

    /** A rule over a package with no classes fails (archunit.properties), so renaming a package cannot hide it. */
    @Test
    void aRuleOverAMissingPackageFails() {
        JavaClasses broken = new ClassFileImporter().importPackages("dev.lectern.arch.violations");

        assertThatThrownBy(() -> ArchitectureRules.viewModelsUseNoJavaFxScene("dev.lectern.arch.nowhere")
                .check(broken)).hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> ArchitectureRules.layersAreUsedOnlyFromAbove("dev.lectern.arch.violations")
                .check(broken)).hasMessageContaining("Layer 'App' is empty");
    }

    @Test
    void theStoreInternalsRuleCatchesAViewReachingIntoTheStore() {
        String fixtures = "dev.lectern.arch.violations";
        JavaClasses broken = new ClassFileImporter().importPackages(fixtures);

        assertThatThrownBy(() -> ArchitectureRules.storeInternalsAreUsedOnlyByTheStore(fixtures).check(broken))
                .hasMessageContaining("ViewUsingStoreInternals")
                .hasMessageContaining("StoreInternal")
                .hasMessageNotContaining("exams.ExamStore");
    }
}
