package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableStore;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.SqliteLedger;

/**
 * Bad input, bad options and hostile commands, as a new user would try them: each is refused with one
 * line and exit 2 before anything is written, and nothing leaves the folders it belongs to.
 */
class SafetyTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path input;
    private static Path warehouse;
    private static Path state;

    /**
     * One real run, with a few bad lines quarantined, shared by the tests that look at what it left; in a
     * process of its own, so that its logging goes to its own state folder.
     */
    @BeforeAll
    static void runOnce() throws Exception {
        input = shared.resolve("input");
        warehouse = shared.resolve("warehouse");
        state = shared.resolve("state");
        CliRun.generate(input, 3000, 5, state, "--bad-fraction", "0.002");
        ChildRun run = ChildRun.start(shared, "safe-1", runArgs("safe-1", "--max-bad-fraction", "0.01"));
        assertThat(run.await(120)).as(run.err()).isZero();
    }

    private static String[] runArgs(String correlationId, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", correlationId, "--export-date",
                "2026-11-20", "--input", input.toString(), "--warehouse", warehouse.toString(), "--state-dir",
                state.toString(), "--memory", "512MB", "--threads", "2"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static void assertOneLineUserError(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void idsOfOnlyDotsAreRefusedAndChangeNothingOnDisk() throws IOException {
        Map<String, String> before = checksum(warehouse);
        Map<String, String> ledgerBefore = checksum(state.resolve("ledger.db"));
        for (String id : new String[] {"..", ".", "..."}) {
            assertOneLineUserError(CliRun.of(runArgs(id)), "invalid correlation id '" + id + "'");
        }
        assertThat(checksum(warehouse)).isEqualTo(before);
        assertThat(checksum(state.resolve("ledger.db"))).isEqualTo(ledgerBefore);
    }

    @Test
    void documentsAndStateArePrivateToTheirOwner() throws IOException {
        Path quarantine = warehouse.resolve("quarantine/safe-1");
        try (Stream<Path> files = Files.list(quarantine)) {
            List<Path> all = files.toList();
            assertThat(all).as("the run quarantined bad lines").isNotEmpty();
            assertThat(all).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
        assertThat(mode(quarantine)).isEqualTo("rwx------");
        assertThat(mode(warehouse.resolve("quarantine"))).isEqualTo("rwx------");
        Path data = warehouse.resolve("uc_mongo_latest/core_contract/data");
        assertThat(mode(data)).as("a table's data files hold documents").isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(mode(f)).as(f.toString())
                    .isEqualTo("rw-------"));
        }
        assertThat(mode(state.resolve("ledger.db"))).isEqualTo("rw-------");
        assertThat(mode(state.resolve("logs/mongo-latest.log"))).isEqualTo("rw-------");
        assertThat(mode(state)).isEqualTo("rwx------");
    }

    @Test
    void foldersInsideOneAnotherAreRefused() throws IOException {
        Path in = Files.createDirectories(dir.resolve("export"));
        assertOneLineUserError(CliRun.of("run", "--correlation-id", "x", "--input", in.toString(), "--warehouse",
                in.resolve("wh").toString(), "--state-dir", dir.resolve("st").toString()), "--warehouse "
                + in.resolve("wh") + " lies inside --input " + in);
        assertOneLineUserError(CliRun.of("run", "--correlation-id", "x", "--input", in.toString(), "--warehouse",
                dir.toString(), "--state-dir", dir.resolve("elsewhere/st").toString()), "--input " + in
                + " lies inside --warehouse " + dir);
        assertOneLineUserError(CliRun.of("run", "--correlation-id", "x", "--input", in.toString(), "--warehouse",
                dir.resolve("wh2").toString(), "--state-dir", in.resolve("st").toString()), "lies inside --input");
        Files.createSymbolicLink(dir.resolve("link"), in);
        assertOneLineUserError(CliRun.of("run", "--correlation-id", "x", "--input", in.toString(), "--warehouse",
                dir.resolve("link/wh").toString(), "--state-dir", dir.resolve("st").toString()), "lies inside --input");
        assertThat(in.resolve("wh")).doesNotExist();
        assertThat(dir.resolve("st/ledger.db")).doesNotExist();
    }

    @Test
    void everyOptionValueIsCheckedBeforeTheLedgerIsWritten() {
        Path st = dir.resolve("st");
        String[][] cases = {
                {"--max-bad-fraction", "NaN", "--max-bad-fraction must be a number from 0 to 1, not NaN"},
                {"--max-bad-fraction", "-0.5", "--max-bad-fraction must be a number from 0 to 1"},
                {"--max-bad-fraction", "2", "--max-bad-fraction must be a number from 0 to 1"},
                {"--memory", "1KB", "--memory must be at least 128 MiB, not 1024 B"},
                {"--memory", "0", "--memory must be at least 128 MiB"},
                {"--memory", "100TB", "is more than this host's"},
                {"--threads", "-1", "--threads must be 0 (one per core) to"},
                {"--threads", "100000", "--threads must be 0 (one per core) to"},
                {"--lease-ttl", "100d", "--lease-ttl must be between 3s and 7d"},
                {"--pushgateway-grace", "2h", "--pushgateway-grace must be between 0s and 1h"},
                {"--warehouse-wait", "2d", "--warehouse-wait must be between 0s and 1d, not 172800s"},
                {"--warehouse", dir.resolve("a;b").toString(), "contains ';', which DuckDB would read as an option"},
                {"--warehouse", dir.resolve("a*b").toString(), "contains '*'"},
                {"--warehouse", "/sys/mongo-latest-warehouse", "--warehouse /sys/mongo-latest-warehouse cannot be"
                        + " written"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("run", "--correlation-id", "opts", "--input", input.toString(),
                    "--state-dir", st.toString(), "--export-date", "2026-11-20"));
            if (!c[0].equals("--warehouse")) {
                args.addAll(List.of("--warehouse", dir.resolve("wh").toString()));
            }
            args.addAll(List.of(c[0], c[1]));
            assertOneLineUserError(CliRun.of(args.toArray(String[]::new)), c[2]);
        }
        assertThat(st.resolve("ledger.db")).as("nothing was written to a ledger").doesNotExist();
        assertThat(dir.resolve("a;b")).doesNotExist();
    }

    @Test
    void lookingRunsUpNeverCreatesALedger() {
        CliRun typo = CliRun.of("status", "--ledger", "sqlite:" + dir.resolve("typo/x.db"), "--state-dir",
                dir.resolve("st").toString());
        assertOneLineUserError(typo, "no ledger at " + dir.resolve("typo/x.db"));
        assertThat(dir.resolve("typo")).doesNotExist();
        CliRun fresh = CliRun.of("status", "--state-dir", dir.resolve("st").toString());
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.out()).contains("no runs of MONGO_LATEST");
        assertThat(dir.resolve("st/ledger.db")).doesNotExist();
    }

    @Test
    void stopLeavesAloneAProcessItCannotProveIsTheRun() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            long start = stranger.info().startInstant().orElseThrow().toEpochMilli();
            Path ledgerFile = dir.resolve("st/ledger.db");
            for (long recordedStart : new long[] {0, start}) {
                try (SqliteLedger ledger = SqliteLedger.open(ledgerFile)) {
                    ledger.read(new RunKey("victim", "MONGO_LATEST")).ifPresent(r -> ledger.delete(r.key(), r.version()));
                    ledger.insert(heldRow("victim", host() + ":" + stranger.pid() + ":" + recordedStart));
                }
                CliRun stop = CliRun.of("stop", "--state-dir", dir.resolve("st").toString());
                assertThat(stop.exitCode()).as(stop.out() + stop.err()).isEqualTo(1);
                assertThat(stop.err()).contains("not stopping run victim/MONGO_LATEST")
                        .contains(recordedStart == 0 ? "records no process start time" : "is not mongo-latest");
                assertThat(stranger.waitFor(300, TimeUnit.MILLISECONDS)).as("the stranger still runs").isFalse();
            }
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void statusShowsARunWhoseRunnerDiedAsResumable() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("st/ledger.db"))) {
            ledger.insert(heldRow("orphan", host() + ":" + gone.pid() + ":12345"));
        }
        CliRun table = CliRun.of("status", "--state-dir", dir.resolve("st").toString());
        assertThat(table.out()).contains("dead runner " + host() + ":" + gone.pid()).contains("run again to resume");
        CliRun json = CliRun.of("status", "--state-dir", dir.resolve("st").toString(), "--correlation-id", "orphan",
                "--json");
        assertThat(json.out()).contains("\"Status\" : \"IN_PROGRESS\"").contains("\"Runner_Alive\" : false");
    }

    @Test
    void aRetryWithAnotherExportDateSaysSo() {
        CliRun failed = CliRun.of(runArgs("date-1", "--max-bad-fraction", "0"));
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        List<String> plan = new ArrayList<>(List.of(runArgs("date-1")));
        plan.set(0, "plan");
        int date = plan.indexOf("--export-date");
        plan.remove(date + 1);
        plan.remove(date);
        CliRun r = CliRun.of(plan.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("warning: run 1 failed with export date 2026-11-20, but this run's export date is ")
                .contains("give --export-date 2026-11-20 to resume that run as it was");
    }

    @Test
    void aDemoOrExportOfNoDocumentsIsRefused() {
        assertOneLineUserError(CliRun.of("generate", "--out", dir.resolve("g").toString(), "--docs", "0",
                "--state-dir", dir.resolve("st").toString()), "--docs must be at least 1, not 0");
        assertOneLineUserError(CliRun.of("demo", "--docs", "0", "--state-dir", dir.resolve("st").toString()),
                "--docs must be at least 1, not 0");
        assertThat(dir.resolve("st/demo")).doesNotExist();
    }

    @Test
    void usageShowsWhatIsRequired() {
        CliRun help = CliRun.of("run", "--help");
        // The synopsis: the "Usage:" line and the indented lines it wraps onto.
        List<String> lines = help.out().lines().dropWhile(l -> !l.startsWith("Usage:")).toList();
        String usage = lines.get(0) + lines.stream().skip(1).takeWhile(l -> l.startsWith(" ")).map(String::strip)
                .map(l -> " " + l).collect(java.util.stream.Collectors.joining());
        assertThat(usage).as("required options are outside brackets")
                .contains(" --correlation-id=ID").doesNotContain("[--correlation-id=ID]");
        assertThat(help.out()).contains("--input=DIR").doesNotContain("[--input=DIR]");
    }

    @Test
    void aRunKilledDuringPublicationLeavesEachPublishedDatabaseWholeFromOneExport() throws Exception {
        // Two exports of the same input: without and with its last incremental snapshot.
        Map<String, List<String>> older = cleanRun("ref-older", "2026-11-19");
        Map<String, List<String>> newer = cleanRun("ref-newer", "2026-11-20");
        assertThat(older).isNotEqualTo(newer);
        Path wh = dir.resolve("wh");
        ChildRun first = ChildRun.start(dir, "older", args(wh, "kill-1", "2026-11-19"));
        assertThat(first.await(120)).as(first.err()).isZero();
        TableName watched = new TableName("ucs_latest_unredacted", "core_contract");
        Map<String, List<String>> now;
        try (TableStore tables = LocalTables.open(wh)) {
            long before = tables.current(watched).orElseThrow().snapshotId();
            ChildRun doomed = ChildRun.start(dir, "newer", args(wh, "kill-1", "2026-11-20"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // Killed as soon as the publication of the unredacted database has begun: inside its commit loop.
            while (tables.current(watched).orElseThrow().snapshotId() == before && doomed.alive()
                    && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
            doomed.kill();
            now = WarehouseContents.read(wh);
        }
        for (String db : List.of("ucs_latest_unredacted", "ucs_latest_redacted", "uc_mongo_latest")) {
            Map<String, List<String>> seen = only(now, db);
            assertThat(seen).as(db + " is whole from one export").isNotEmpty()
                    .satisfiesAnyOf(x -> assertThat(x).isEqualTo(only(older, db)),
                            x -> assertThat(x).isEqualTo(only(newer, db)));
        }
    }

    private Map<String, List<String>> cleanRun(String name, String exportDate) throws Exception {
        Path wh = dir.resolve(name);
        ChildRun run = ChildRun.start(dir, name, args(wh, name, exportDate));
        assertThat(run.await(120)).as(run.err()).isZero();
        return WarehouseContents.read(wh);
    }

    private String[] args(Path wh, String correlationId, String exportDate) {
        return new String[] {"run", "--correlation-id", correlationId, "--export-date", exportDate, "--input",
                input.toString(), "--warehouse", wh.toString(), "--state-dir", dir.resolve("state").toString(),
                "--memory", "512MB", "--threads", "1", "--max-bad-fraction", "0.01"};
    }

    private static Map<String, List<String>> only(Map<String, List<String>> tables, String database) {
        Map<String, List<String>> out = new TreeMap<>();
        tables.forEach((t, rows) -> {
            if (t.startsWith(database + ".")) {
                out.put(t, rows);
            }
        });
        return out;
    }

    private static LedgerRow heldRow(String id, String owner) {
        Instant now = Instant.now();
        return new LedgerRow(new RunKey(id, "MONGO_LATEST"), "2026-11-20", 1, RunStatus.IN_PROGRESS,
                "mongo-latest-build", "local-x", "incremental", "/in", "/wh", LedgerRow.timeToExistFor(now),
                new Lease(owner, now.plusSeconds(600)), now, now, List.of(), List.of(), null, 1);
    }

    private static String host() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every file and link under {@code root}: size, modification time, mode and link target. */
    private static Map<String, String> checksum(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String v = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.size(p) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " " + mode(p);
                out.put(root.relativize(p).toString(), v);
            }
        }
        return out;
    }
}
