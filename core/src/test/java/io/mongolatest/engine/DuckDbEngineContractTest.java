package io.mongolatest.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import io.mongolatest.DataSize;

/** The engine contract on DuckDB. */
class DuckDbEngineContractTest extends SqlEngineContract {
    @Override
    protected EngineSession openSession(Path dir) {
        return new DuckDbEngine().open(new EngineSettings(dir.resolve("warehouse"), DataSize.ofMebibytes(512),
                dir.resolve("tmp"), 2, false));
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
