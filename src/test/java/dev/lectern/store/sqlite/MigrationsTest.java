package dev.lectern.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migration scripts are found beside {@link Migrations}, listed in order, and split into whole statements. */
class MigrationsTest {

    @Test
    void theMigrationListMatchesTheScriptsAndTriggersStayWhole() throws Exception {
        Path folder = Path.of(Migrations.class.getResource("migrations/V1__progress.sql").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(Migrations.ALL.stream().map(Migrations.Migration::script).toList());
        }
        for (int i = 0; i < Migrations.ALL.size(); i++) {
            assertThat(Migrations.ALL.get(i).version()).isEqualTo(i + 1);
            assertThat(Migrations.ALL.get(i).script()).startsWith("V" + (i + 1) + "__");
        }
        List<String> statements = Migrations.statements(Migrations.script("V1__progress.sql"));
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TRIGGER")).hasSize(2)
                .allSatisfy(s -> assertThat(s).endsWith("END;").contains("RAISE(ABORT"));
        assertThat(statements).noneMatch(s -> s.contains("--"));
    }
}
