package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every correlation id SPEC §5 allows (1 to 256 characters) runs to the end, although the warehouse names a
 * folder after it twice ({@code .runs/<id>/} and {@code quarantine/<id>/}) and a file name holds 255 bytes at
 * most: an id that fits is the name as it is, a longer one a readable prefix and a digest.
 */
class CorrelationIdLengthTest {
    private static final String ID_CHARACTERS = "Ab0_.:-";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        CliRun.generate(shared.resolve("input"), 300, 7, shared.resolve("state"), "--bad-fraction", "0.02");
    }

    private static String idOfLength(int length) {
        StringBuilder id = new StringBuilder();
        while (id.length() < length) {
            id.append(ID_CHARACTERS.charAt(id.length() % ID_CHARACTERS.length()));
        }
        return id.toString();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255, 256})
    void aRunWithAnIdOfAnyAllowedLengthCompletes(int length) throws IOException {
        String id = idOfLength(length);
        Path warehouse = dir.resolve("warehouse");
        CliRun run = CliRun.of("run", "--correlation-id", id, "--export-date", "2026-11-20", "--input",
                shared.resolve("input").toString(), "--warehouse", warehouse.toString(), "--state-dir",
                dir.resolve("state").toString(), "--max-bad-fraction", "0.5", "--memory", "256MB", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();

        for (String folder : List.of(".runs", "quarantine")) {
            List<String> named = names(warehouse.resolve(folder));
            assertThat(named).as(folder).singleElement().satisfies(name -> {
                assertThat(name.length()).isLessThanOrEqualTo(255);
                if (length <= 255) {
                    assertThat(name).as("an id that fits is its own name").isEqualTo(id);
                } else {
                    assertThat(name).startsWith(id.substring(0, 200)).contains("~").hasSize(255);
                }
            });
            assertThat(names(warehouse.resolve(folder).resolve(named.get(0)))).as(folder).isNotEmpty();
        }
        CliRun report = CliRun.of("report", "--correlation-id", id, "--state-dir", dir.resolve("state").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains(id, "COMPLETED");
    }
}
