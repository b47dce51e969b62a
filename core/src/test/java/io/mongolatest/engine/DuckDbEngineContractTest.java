package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import io.mongolatest.DataSize;

/** The engine contract on DuckDB. */
class DuckDbEngineContractTest extends SqlEngineContract {
    @Override
    protected EngineSession openSession(Path dir, io.mongolatest.tables.TableStore tables) {
        return new DuckDbEngine().open(new EngineSettings(dir.resolve("warehouse"), DataSize.ofMebibytes(512),
                dir.resolve("tmp"), 2, false), tables);
    }

    @Override
    protected SqlEngine engine() {
        return new DuckDbEngine();
    }

    /**
     * The warehouse's catalog.duckdb outlives a session: a session opened on it shows each table at the snapshot
     * committed last, whoever committed it, and re-registers only what changed.
     */
    @Test
    void aSessionOpenedOnAKeptCatalogShowsWhatWasCommittedSince() {
        writeTable("kept", "SELECT 1 AS n");
        writeTable("changed", "SELECT 1 AS n");
        session.close();
        io.mongolatest.storage.TableName changed = new io.mongolatest.storage.TableName(SCHEMA, "changed");
        try (EngineSession other = new DuckDbEngine().open(new EngineSettings(dir.resolve("other"),
                DataSize.ofMebibytes(256), dir.resolve("tmp"), 1, false), tables)) {
            io.mongolatest.tables.LocalTables.commit(tables, other.writeTable(changed, "SELECT 2 AS n UNION ALL SELECT 3"));
        }
        session = openSession(dir, tables);
        assertThat(session.query("SELECT count(*) FROM " + SCHEMA + ".changed").single()).isEqualTo(2L);
        assertThat(session.query("SELECT n FROM " + SCHEMA + ".kept").single()).isEqualTo(1);
    }

    /** DuckDB's own capability: the temporary tables of its two-pass build. */
    @Test
    void temporaryTablesAndLongs() {
        RowSources rows = session.capability(RowSources.class).orElseThrow();
        rows.createTempTable("ml_contract_tmp", "SELECT 3 AS x UNION ALL SELECT 1 UNION ALL SELECT 2");
        assertThat(rows.queryLongs("SELECT x FROM ml_contract_tmp ORDER BY x")).containsExactly(1, 2, 3);
        rows.dropTempTable("ml_contract_tmp");
        assertThatThrownBy(() -> session.query("SELECT * FROM ml_contract_tmp")).isInstanceOf(SqlFailure.class);
    }

    @Override
    protected String instant(Instant t) {
        return "TIMESTAMPTZ '" + t + "'";
    }

    @Override
    protected String slowQuery() {
        return "SELECT count(*) FROM range(10000000000000) t(x) WHERE x % 7 = 3";
    }

    /** DuckDB gives no sign of a running statement but the caller's thread being inside its native execute. */
    @Override
    protected boolean statementRunning(EngineSession session, Thread caller) {
        return Arrays.stream(caller.getStackTrace()).anyMatch(f -> f.getClassName().equals("org.duckdb.DuckDBNative")
                && f.getMethodName().contains("execute"));
    }
}
