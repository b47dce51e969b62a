package io.mongolatest.tables.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;

/**
 * Two writer processes (child JVMs on core's test class path) at once on one SQLite catalog (WAL, busy timeout),
 * each committing {@value #APPENDS} appends to the same table: with the product's {@link SqliteCatalog} every
 * commit of both lands (Iceberg's compare-and-set loses races that its retries then win); with Iceberg's stock
 * JDBC catalog one writer fails.
 */
final class SqliteCatalogProcessesTest {
    static final int APPENDS = 25;
    private static final TableIdentifier TABLE = TableIdentifier.of("db", "t");

    @Test
    void twoWriterProcessesLoseNoCommit(@TempDir Path dir) throws Exception {
        Path warehouse = dir.resolve("wh");
        createTable(warehouse);

        List<String> outputs = runAtOnce("sqlite", warehouse, "a", "b");

        assertThat(outputs).allSatisfy(out -> assertThat(out).endsWith("done\n"));
        assertThat(snapshots(warehouse)).isEqualTo(2 * APPENDS);
        try (OpenCatalog open = open(warehouse)) {
            Table table = open.catalog().loadTable(TABLE);
            List<String> files = new ArrayList<>();
            table.newScan().planFiles().forEach(t -> files.add(Path.of(t.file().location()).getFileName()
                    .toString().replaceFirst("\\.parquet$", "")));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < APPENDS; i++) {
                expected.add("a-" + i);
                expected.add("b-" + i);
            }
            assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * Why {@link SqliteCatalog} exists: Iceberg's own JDBC catalog on the same file and settings keeps a read
     * transaction open on its pooled connection (result sets of its schema checks), so the writer that commits
     * second fails at once with {@code SQLITE_BUSY_SNAPSHOT}, which Iceberg does not retry. Should an upgrade of
     * Iceberg make this test fail, the stock catalog has become safe and ours can go.
     */
    @Test
    void icebergsStockJdbcCatalogLosesAWriter(@TempDir Path dir) throws Exception {
        Path warehouse = dir.resolve("wh");
        createTable(warehouse);

        List<String> outputs = runAtOnce("stock", warehouse, "a", "b");

        assertThat(outputs).filteredOn(out -> out.contains("SQLITE_BUSY")).hasSize(1);
        assertThat(snapshots(warehouse)).isLessThan(2 * APPENDS);
    }

    private static OpenCatalog open(Path warehouse) {
        return IcebergCatalogs.open(CatalogSpec.parse("sqlite"), LocalLocation.of(warehouse),
                StorageSettings.defaults(), CatalogEndpoints.none());
    }

    private static void createTable(Path warehouse) {
        try (OpenCatalog open = open(warehouse)) {
            ((SupportsNamespaces) open.catalog()).createNamespace(Namespace.of("db"));
            // Both writers lose many races: enough retries that only a catalog fault can exhaust them.
            open.catalog().buildTable(TABLE, new Schema(Types.NestedField.required(1, "id", Types.LongType.get())))
                    .withProperty("format-version", "2").withProperty("commit.retry.num-retries", "1000")
                    .withProperty("commit.retry.min-wait-ms", "5").withProperty("commit.retry.max-wait-ms", "200")
                    .create();
        }
    }

    private static int snapshots(Path warehouse) {
        try (OpenCatalog open = open(warehouse)) {
            List<Snapshot> snapshots = new ArrayList<>();
            open.catalog().loadTable(TABLE).snapshots().forEach(snapshots::add);
            return snapshots.size();
        }
    }

    /** Starts a writer per name, lets them all go at once, and returns what each printed. */
    static List<String> runAtOnce(String catalog, Path warehouse, String... names) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Process> writers = new ArrayList<>();
        List<CompletableFuture<String>> outputs = new ArrayList<>();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        try {
            for (String name : names) {
                Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                        "-cp", classpath, CatalogWriter.class.getName(), catalog, warehouse.toString(),
                        TABLE.toString(), Integer.toString(APPENDS), name).redirectErrorStream(true).start();
                writers.add(p);
                CompletableFuture<Void> isReady = new CompletableFuture<>();
                ready.add(isReady);
                outputs.add(CompletableFuture.supplyAsync(() -> collect(p, isReady)));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (Process p : writers) {
                OutputStream go = p.getOutputStream();
                go.write('\n');
                go.flush();
            }
            List<String> out = new ArrayList<>();
            for (CompletableFuture<String> o : outputs) {
                out.add(o.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
    }

    /** Everything the writer prints, while completing {@code ready} at its {@code ready} line. */
    private static String collect(Process p, CompletableFuture<Void> ready) {
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("ready")) {
                    ready.complete(null);
                } else if (!line.contains("DEBUG") && !line.contains(" INFO ")) {
                    out.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            out.append(e).append('\n');
        }
        ready.completeExceptionally(new IllegalStateException("the writer ended before it was ready:\n" + out));
        return out.toString();
    }
}
