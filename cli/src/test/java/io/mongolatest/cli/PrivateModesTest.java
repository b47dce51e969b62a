package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a run leaves that may hold documents is its owner's alone (0600, folders 0700) whatever the umask:
 * a whole run, with bad lines to quarantine and the product's views, in a JVM started under {@code umask 000}
 * (as a scheduler may start {@code java -jar}), then every file of the state folder and the warehouse.
 */
class PrivateModesTest {
    @TempDir
    Path dir;

    @Test
    void underUmask000EveryFileIs0600AndEveryFolder0700() throws Exception {
        CliRun.generate(dir.resolve("input"), 200, 22, dir.resolve("gen"), "--bad-fraction", "0.05");
        Path state = dir.resolve("state");
        Path warehouse = dir.resolve("warehouse");

        ChildRun run = ChildRun.startUnderUmask(dir, "run", "000", "run", "--correlation-id", "modes-1",
                "--export-date", "2026-11-20", "--input", dir.resolve("input").toString(), "--warehouse",
                warehouse.toString(), "--state-dir", state.toString(), "--memory", "512MB", "--threads", "1",
                "--max-bad-fraction", "0.2");

        assertThat(run.await(180)).as(run.err()).isZero();
        assertThat(warehouse.resolve("quarantine")).as("bad lines were quarantined").isDirectory();
        List<String> open = new ArrayList<>();
        for (Path root : List.of(state, warehouse)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    String want = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                    if (!mode.equals(want)) {
                        open.add(mode + " " + dir.relativize(p));
                    }
                }
            }
        }
        assertThat(open).as("files and folders others could read").isEmpty();
        assertThat(count(warehouse, ".parquet")).as("the tables were walked").isPositive();
    }

    private static long count(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }
}
