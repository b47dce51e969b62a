package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CommittedTable;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.SnapshotInfo;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;

/**
 * What the product needs of every {@link SqlEngine}: the SQL features of the default product and of the
 * build (docs/product-sql.md), the latest tables' column types through Parquet, instants in UTC, views
 * over Parquet tables, the catalog calls and cancelling. Each engine's test extends this class.
 */
public abstract class SqlEngineContract {
    protected static final Instant T1 = Instant.parse("2024-02-29T23:59:59.123456Z");
    protected static final Instant T2 = Instant.parse("1969-12-31T23:59:59.000001Z");
    protected static final String SCHEMA = "contract_db";

    @TempDir
    protected Path dir;
    protected EngineSession session;
    protected TableStore tables;

    /** A session of the engine under test on {@code tables}, its own and temporary folders under {@code dir}. */
    protected abstract EngineSession openSession(Path dir, TableStore tables);

    /** The engine whose sessions {@link #openSession} opens. */
    protected abstract SqlEngine engine();

    /** The engine's SQL for an instant: there is no spelling both engines read the same way. */
    protected abstract String instant(Instant t);

    /** A query that runs for hours unless interrupted. */
    protected abstract String slowQuery();

    /** Whether {@code caller}'s statement on {@code session} is running in the engine now. */
    protected abstract boolean statementRunning(EngineSession session, Thread caller);

    @BeforeEach
    void openEngine() {
        tables = LocalTables.open(dir.resolve("warehouse"));
        session = openSession(dir, tables);
    }

    @AfterEach
    void closeEngine() {
        try {
            session.close();
        } finally {
            tables.close();
        }
    }

    /** Writes {@code sql}'s rows as {@code SCHEMA.name}, commits them and makes the session read them; the rows. */
    protected long writeTable(String name, String sql) {
        TableName t = new TableName(SCHEMA, name);
        TableChange change = session.writeTable(t, sql);
        CommittedTable done = tables.commit(List.of(change), new SnapshotInfo("contract", 1, "2024-01-01", "test",
                "p-" + java.util.UUID.randomUUID(), 1, java.util.Map.of())).get(0);
        session.registerTable(t, done.snapshotId().getAsLong());
        return change.rows();
    }

    /** The folder of {@code SCHEMA.name}'s data files. */
    protected Path dataFolder(String name) {
        return ((io.mongolatest.storage.LocalLocation) tables.dataLocation(new TableName(SCHEMA, name))).path();
    }

    /** Two rows with the columns and types of a latest table (SPEC §7), {@code created} null in one. */
    protected String latestRows() {
        return "SELECT '{\"contractId\":\"c1\"}' AS id, " + instant(T1) + " AS last_modified, "
                + instant(T2) + " AS created, 'full' AS snapshot_type, '2024-02-29_01-00-00' AS snapshot_id,"
                + " '{\"_id\":{\"contractId\":\"c1\"},\"n\":1}' AS val"
                + " UNION ALL SELECT '\"c2\"', " + instant(T2) + ", CASE WHEN 1 = 0 THEN " + instant(T1) + " END,"
                + " 'incremental', '2024-03-01_01-00-00', '{\"_id\":\"c2\"}'";
    }

    protected Path newDir(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLatestTablesColumnTypesSurviveParquet() {
        assertThat(writeTable("core_contract", latestRows())).isEqualTo(2);
        Path table = dataFolder("core_contract");

        assertThat(ParquetSchema.namesAndTypes(table)).containsExactly("id VARCHAR",
                "last_modified TIMESTAMP WITH TIME ZONE", "created TIMESTAMP WITH TIME ZONE", "snapshot_type VARCHAR",
                "snapshot_id VARCHAR", "val VARCHAR");
        // As DuckDB writes them (Spark's default would be INT96): microseconds since the epoch, in UTC.
        for (String ts : List.of("last_modified", "created")) {
            ParquetSchema.Column c = ParquetSchema.of(table).stream().filter(x -> x.name().equals(ts)).findFirst()
                    .orElseThrow();
            assertThat(c.physicalType()).isEqualTo("INT64");
            assertThat(c.logicalType()).contains("isAdjustedToUTC=1").contains("MICROS=MicroSeconds()");
        }

        QueryResult r = session.query("SELECT id, last_modified, created, snapshot_type, snapshot_id, val"
                + " FROM " + SCHEMA + ".core_contract ORDER BY snapshot_type");
        assertThat(r.columns()).containsExactly("id", "last_modified", "created", "snapshot_type", "snapshot_id", "val");
        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0)).extracting(v -> v == null ? null : v.getClass().getSimpleName())
                .containsExactly("String", "OffsetDateTime", "OffsetDateTime", "String", "String", "String");
        assertThat(instants(r.rows().get(0))).containsExactly("{\"contractId\":\"c1\"}", T1, T2, "full",
                "2024-02-29_01-00-00", "{\"_id\":{\"contractId\":\"c1\"},\"n\":1}");
        assertThat(instants(r.rows().get(1))).containsExactly("\"c2\"", T2, null, "incremental", "2024-03-01_01-00-00",
                "{\"_id\":\"c2\"}");
    }

    @Test
    void instantsReadBackEqualWhateverTheJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            // 14 hours ahead of UTC: T1 is already the next day there.
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            writeTable("t", latestRows());
            QueryResult r = session.query("SELECT last_modified, CAST(last_modified AS DATE) AS day,"
                    + " last_modified = " + instant(T1) + " AS same FROM " + SCHEMA + ".t WHERE snapshot_type = 'full'");
            assertThat(((OffsetDateTime) r.rows().get(0).get(0)).toInstant()).isEqualTo(T1);
            assertThat(r.rows().get(0).subList(1, 3)).containsExactly(LocalDate.of(2024, 2, 29), true);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void getJsonObjectReadsJsonPathsAsText() {
        // No backslash escapes in the literal: Spark reads them in SQL literals, DuckDB does not.
        String doc = "{\"s\":\"a t\u00e9xt\",\"n\":12,\"m\":12.50,\"t\":true,\"z\":null,"
                + "\"o\":{\"p\":\"q\",\"d_oid\":\"5c1\"},\"a\":[\"x\",\"y\"],\"e\":[]}";
        QueryResult r = session.query("SELECT get_json_object(j, '$.s'), get_json_object(j, '$.n'),"
                + " get_json_object(j, '$.t'), get_json_object(j, '$.o.p'), get_json_object(j, '$.o.d_oid'),"
                + " get_json_object(j, '$.a[1]'), get_json_object(j, '$.o'), get_json_object(j, '$.a'),"
                + " get_json_object(j, '$.z'), get_json_object(j, '$.missing'), get_json_object(j, '$.o.missing'),"
                + " get_json_object(j, '$.a[5]'), TRY_CAST(get_json_object(j, '$.m') AS DECIMAL(18, 2))"
                + " FROM (SELECT '" + doc + "' AS j) d");
        assertThat(r.rows().get(0)).containsExactly("a t\u00e9xt", "12", "true", "q", "5c1", "y",
                "{\"p\":\"q\",\"d_oid\":\"5c1\"}", "[\"x\",\"y\"]", null, null, null, null, new BigDecimal("12.50"));
        assertThat(session.query("SELECT get_json_object(CAST(NULL AS STRING), '$.a')").single()).isNull();
    }

    @Test
    void jsonArrayLengthCountsTheElementsOfAnArray() {
        QueryResult r = session.query("SELECT CAST(json_array_length(get_json_object(j, '$.a')) AS INT),"
                + " CAST(json_array_length(get_json_object(j, '$.e')) AS INT),"
                + " CAST(json_array_length(get_json_object(j, '$.missing')) AS INT),"
                + " json_array_length(get_json_object(j, '$.a'))"
                + " FROM (SELECT '{\"a\":[\"x\",{\"y\":[1,2]},3],\"e\":[]}' AS j) d");
        assertThat(r.rows().get(0).subList(0, 3)).containsExactly(3, 0, null);
        // Its own type differs (DuckDB UBIGINT, Spark INT), hence the CAST in product SQL.
        assertThat(((Number) r.rows().get(0).get(3)).intValue()).isEqualTo(3);

        // Of anything but an array DuckDB gives 0 or fails, Spark NULL: product SQL asks for an array first.
        QueryResult guarded = session.query("SELECT CASE WHEN SUBSTRING(TRIM(x), 1, 1) = '['"
                + " THEN CAST(json_array_length(x) AS INT) END FROM (SELECT 1 AS k, '[1,[2],{\"a\":3}]' AS x"
                + " UNION ALL SELECT 2, '{\"a\":1}' UNION ALL SELECT 3, '3' UNION ALL SELECT 4, 'text'"
                + " UNION ALL SELECT 5, NULL) t ORDER BY k");
        assertThat(guarded.rows()).containsExactly(List.of(3), Arrays.asList((Object) null),
                Arrays.asList((Object) null), Arrays.asList((Object) null), Arrays.asList((Object) null));
    }

    @Test
    void integersReadFromTextGoThroughDecimalAlike() {
        // A plain TRY_CAST to INT rounds '3.7' on DuckDB and gives NULL on Spark; through DECIMAL both round.
        QueryResult r = session.query("SELECT k, TRY_CAST(TRY_CAST(s AS DECIMAL(38, 0)) AS INT),"
                + " TRY_CAST(TRY_CAST(s AS DECIMAL(38, 0)) AS BIGINT) FROM (SELECT 1 AS k, '42' AS s"
                + " UNION ALL SELECT 2, '2.0' UNION ALL SELECT 3, '3.7' UNION ALL SELECT 4, '-2.5'"
                + " UNION ALL SELECT 5, '1e1' UNION ALL SELECT 6, ' 12 ' UNION ALL SELECT 7, 'x'"
                + " UNION ALL SELECT 8, '99999999999') t ORDER BY k");
        assertThat(r.rows()).containsExactly(List.of(1, 42, 42L), List.of(2, 2, 2L), List.of(3, 4, 4L),
                List.of(4, -3, -3L), List.of(5, 10, 10L), List.of(6, 12, 12L), Arrays.asList(7, null, null),
                Arrays.asList(8, null, 99_999_999_999L));
    }

    @Test
    void tryCastGivesNullForValuesThatDoNotConvert() {
        QueryResult bad = session.query("SELECT TRY_CAST('x' AS INT), TRY_CAST('9x' AS BIGINT), TRY_CAST('soon' AS DATE),"
                + " TRY_CAST('2024-02-30' AS DATE), TRY_CAST('12,50' AS DECIMAL(18, 2)), TRY_CAST('maybe' AS BOOLEAN),"
                + " TRY_CAST('99999999999' AS INT), TRY_CAST(CAST(NULL AS STRING) AS INT)");
        assertThat(bad.rows().get(0)).containsOnlyNulls().hasSize(8);
        QueryResult good = session.query("SELECT TRY_CAST('42' AS INT), TRY_CAST('9000000000' AS BIGINT),"
                + " TRY_CAST('2024-02-29' AS DATE), TRY_CAST('12.5' AS DECIMAL(18, 2)), TRY_CAST('true' AS BOOLEAN),"
                + " TRY_CAST('false' AS BOOLEAN), TRY_CAST('-7' AS INT)");
        assertThat(good.rows().get(0)).containsExactly(42, 9_000_000_000L, LocalDate.of(2024, 2, 29),
                new BigDecimal("12.50"), true, false, -7);
    }

    @Test
    void aPlainCastOfABadValueFailsTheStatement() {
        String bad = "SELECT CAST(s AS INT) FROM (SELECT 'x' AS s) d";
        assertThatThrownBy(() -> session.query(bad))
                .isInstanceOfSatisfying(SqlFailure.class, f -> assertThat(f.interrupted()).isFalse());
        // A query given to execute runs too (Spark would otherwise only plan it).
        assertThatThrownBy(() -> session.execute(bad)).isInstanceOf(SqlFailure.class);
    }

    @Test
    void theStandardSqlOfTheProductAndTheBuild() {
        String t = "(SELECT 1 AS k, 'a' AS g, 10 AS x, ' Mixed ' AS s UNION ALL SELECT 2, 'a', 20, NULL"
                + " UNION ALL SELECT 3, 'b', 5, 'Case') t";
        QueryResult r = session.query("SELECT k, CASE WHEN x > 9 THEN 'big' ELSE 'small' END, COALESCE(s, 'none'),"
                + " CONCAT(g, '-', CAST(k AS STRING)), LOWER(TRIM(s)), UPPER(g), SUBSTRING('abcdef', 2, 3),"
                + " CAST(row_number() OVER (PARTITION BY g ORDER BY x DESC) AS BIGINT),"
                + " count(CASE WHEN x > 9 THEN 1 END) OVER (),"
                + " k + x * 2, x / 4.0 FROM " + t + " ORDER BY k");
        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(0).subList(0, 10)).containsExactly(1, "big", " Mixed ", "a-1", "mixed", "A", "bcd",
                2L, 2L, 21);
        assertThat(r.rows().get(1).subList(0, 10)).containsExactly(2, "big", "none", "a-2", null, "A", "bcd", 1L,
                2L, 42);
        assertThat(r.rows().get(2).subList(0, 8)).containsExactly(3, "small", "Case", "b-3", "case", "B", "bcd", 1L);
        assertThat(((Number) r.rows().get(2).get(10)).doubleValue()).isEqualTo(1.25);

        QueryResult agg = session.query("SELECT g, count(*), CAST(sum(x) AS BIGINT), min(x), max(x), avg(x)"
                + " FROM " + t + " GROUP BY g ORDER BY g");
        assertThat(agg.rows()).containsExactly(List.of("a", 2L, 30L, 10, 20, 15.0), List.of("b", 1L, 5L, 5, 5, 5.0));

        QueryResult joined = session.query("SELECT a.k, b.k FROM " + t.replace(") t", ") a") + " JOIN "
                + t.replace(") t", ") b") + " ON a.g = b.g AND a.k < b.k UNION ALL SELECT 9, 9 ORDER BY 1");
        assertThat(joined.rows()).containsExactly(List.of(1, 2), List.of(9, 9));
    }

    @Test
    void viewsOverParquetTablesAndTheCatalog() {
        assertThat(session.relations(SCHEMA)).isEmpty();
        writeTable("core_contract", latestRows());
        session.execute("CREATE OR REPLACE VIEW " + SCHEMA + ".contract_v AS SELECT get_json_object(c.val, '$.n')"
                + " AS n, c.snapshot_type AS snapshot_type FROM " + SCHEMA + ".core_contract c");
        assertThat(session.query("SELECT n, snapshot_type FROM " + SCHEMA + ".contract_v ORDER BY snapshot_type").rows())
                .containsExactly(Arrays.asList("1", "full"), Arrays.asList(null, "incremental"));
        assertThat(session.relations(SCHEMA)).containsExactly("contract_v", "core_contract");

        // A new version of the table, registered over the old: the view reads it.
        writeTable("core_contract", "SELECT * FROM " + SCHEMA + ".core_contract WHERE snapshot_type = 'full'");
        assertThat(session.query("SELECT count(*) FROM " + SCHEMA + ".contract_v").single()).isEqualTo(1L);

        session.dropRelation(SCHEMA, "contract_v");
        session.dropRelation(SCHEMA, "absent");
        assertThat(session.relations(SCHEMA)).containsExactly("core_contract");
        session.dropRelation(SCHEMA, "core_contract");
        assertThat(session.relations(SCHEMA)).isEmpty();
        assertThat(files(dataFolder("core_contract"))).as("dropping a relation leaves the table's files").isNotEmpty();
        assertThat(session.relations("no_such_schema")).isEmpty();
        session.dropRelation("no_such_schema", "t");
    }

    @Test
    void writeTableWritesOnlyParquetFilesAndReturnsTheRows() {
        assertThat(writeTable("t", latestRows() + " UNION ALL " + latestRows())).isEqualTo(4);
        assertThat(files(dataFolder("t"))).isNotEmpty().allMatch(f -> f.endsWith(".parquet"), "ends with .parquet");
    }

    @Test
    void anEmptyResultStillWritesAReadableFileWithTheSchema() {
        assertThat(writeTable("empty", "SELECT * FROM (" + latestRows() + ") r WHERE 1 = 0")).isZero();
        Path table = dataFolder("empty");
        assertThat(files(table)).isNotEmpty();
        assertThat(ParquetSchema.namesAndTypes(table)).contains("id VARCHAR", "last_modified TIMESTAMP WITH TIME ZONE");
        QueryResult r = session.query("SELECT * FROM " + SCHEMA + ".empty");
        assertThat(r.columns()).containsExactly("id", "last_modified", "created", "snapshot_type", "snapshot_id", "val");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void literalsKeepEveryCharacter() {
        for (String text : new String[] {"it's", "back\\slash", "tab\there", "''", "\"quoted\"", "é ü 😀", "a\nb"}) {
            assertThat(session.query("SELECT " + session.literal(text) + " AS t").rows()).as(text)
                    .containsExactly(List.of(text));
        }
    }

    @Test
    void theCapabilitiesItListsAreThere() {
        for (Class<?> c : engine().capabilities()) {
            assertThat(session.capability(c).isPresent() || engine().capability(c).isPresent()).as(c.getName())
                    .isTrue();
        }
    }

    @Test
    void sqlErrorsAreOneLineFailures() {
        assertThatThrownBy(() -> session.query("SELECT * FROM " + SCHEMA + ".missing_table"))
                .isInstanceOfSatisfying(SqlFailure.class, f -> {
                    assertThat(f.interrupted()).isFalse();
                    assertThat(f.getMessage()).contains("missing_table").doesNotContain("\n");
                });
        assertThatThrownBy(() -> session.execute("CREATE VIEW oops AS SELEC 1")).isInstanceOf(SqlFailure.class);
    }

    @Test
    void cancelInterruptsARunningQueryAndEveryLaterOne() throws Exception {
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<QueryResult> running = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            return session.query(slowQuery());
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (caller.get() == null || !statementRunning(session, caller.get())) {
            assertThat(running).as("the slow query ended by itself").isNotDone();
            assertThat(System.nanoTime()).as("the slow query never ran").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        session.cancel();
        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(SqlFailure.class, f -> assertThat(f.interrupted()).isTrue());
        assertThatThrownBy(() -> session.query("SELECT 1"))
                .isInstanceOfSatisfying(SqlFailure.class, f -> assertThat(f.interrupted()).isTrue());
    }

    @Test
    void aCancelBetweenStatementsStopsTheNextOne() {
        assertThat(session.query("SELECT 1 AS one").single()).isEqualTo(1);
        session.cancel();
        assertThatThrownBy(() -> session.execute("CREATE OR REPLACE VIEW v AS SELECT 1 AS one"))
                .isInstanceOfSatisfying(SqlFailure.class, f -> assertThat(f.interrupted()).isTrue());
    }

    /** The row with instants in place of the engine's timestamp values. */
    protected static List<Object> instants(List<Object> row) {
        return row.stream().map(v -> v instanceof OffsetDateTime t ? t.toInstant() : v).toList();
    }

    protected static List<String> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
