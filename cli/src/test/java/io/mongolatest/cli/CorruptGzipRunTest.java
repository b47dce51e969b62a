package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip input file whose later member is corrupt, through the command line: the run fails at the build
 * step with one line naming the file and the byte, and the tables published before are left as they were.
 */
class CorruptGzipRunTest {
    @TempDir
    Path dir;

    private CliRun run(String correlationId) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", correlationId, "--export-date",
                "2026-11-20", "--input", dir.resolve("input").toString(), "--warehouse",
                dir.resolve("warehouse").toString(), "--state-dir", dir.resolve("state").toString(), "--memory",
                "512MB", "--threads", "2"));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void aCorruptLaterMemberFailsTheRunAndPublishesNothing() throws IOException {
        CliRun.generate(dir.resolve("input"), 300, 7, dir.resolve("state"));
        CliRun good = run("gzip-good");
        assertThat(good.exitCode()).as(good.err()).isZero();
        Map<String, List<String>> published = WarehouseContents.read(dir.resolve("warehouse"));
        assertThat(published).isNotEmpty();

        Path gz;
        try (var files = Files.walk(dir.resolve("input/full"))) {
            gz = files.filter(p -> p.toString().endsWith(".gz")).sorted().findFirst().orElseThrow();
        }
        long before = Files.size(gz);
        byte[] member = gzip("{\"_id\": \"hidden\"}\n");
        member[3] = 0x20; // a reserved flag bit: the second member's header is bad
        Files.write(gz, member, StandardOpenOption.APPEND);

        CliRun bad = run("gzip-bad");
        assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(1);
        String relative = dir.resolve("input").relativize(gz).toString();
        assertThat(bad.err()).contains("mongo-latest-build").contains("cannot read input file " + relative
                + ": bad gzip data at byte " + (before + 3) + ": gzip member 2 has reserved flag bits set (0x20)");
        assertThat(bad.err().lines().filter(l -> l.contains("bad gzip data"))).hasSize(1)
                .allSatisfy(l -> assertThat(l).doesNotContain("Exception"));
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).as("nothing published from the bad input")
                .isEqualTo(published);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
