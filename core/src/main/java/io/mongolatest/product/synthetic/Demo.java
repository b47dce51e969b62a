package io.mongolatest.product.synthetic;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.latest.KeptState;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableStore;

/**
 * The {@code demo}: a folder of its own with a generated export, a warehouse and a ledger, replaced on each
 * demo; and what is shown of the result.
 */
public final class Demo {
    public static final String CORRELATION_ID = "demo";
    private static final double BAD_FRACTION = 0.0002;

    private final Path base;

    /** @param base the demo's folder, e.g. {@code <state-dir>/demo} */
    public Demo(Path base) {
        this.base = requireNonNull(base, "base is null").toAbsolutePath().normalize();
    }

    public Path input() {
        return base.resolve("input");
    }

    public Path warehouse() {
        return base.resolve("warehouse");
    }

    public Path ledger() {
        return base.resolve("ledger.db");
    }

    /**
     * Replaces the previous demo's folder (refusing one that is not a demo's) and generates an export of
     * {@code docs} documents dated up to {@code exportDate}.
     */
    public SyntheticExport.Summary prepare(long docs, LocalDate exportDate, Consumer<String> progress) {
        SyntheticExport.Options options = new SyntheticExport.Options(docs, 1, exportDate, BAD_FRACTION,
                Runtime.getRuntime().availableProcessors());
        reset();
        return SyntheticExport.write(input(), options, progress);
    }

    /** A published table and its size; the redacted ones show how many columns the classification let through. */
    public record TableSummary(TableName table, long rows, int columns) {
    }

    public static List<TableSummary> tables(EngineSession reader, TableStore warehouse) {
        List<TableSummary> out = new ArrayList<>();
        for (TableName t : WarehouseReader.published(warehouse, KeptState::published).keySet()) {
            long rows = ((Number) reader.query("SELECT count(*) FROM " + t).single()).longValue();
            out.add(new TableSummary(t, rows, reader.query("SELECT * FROM " + t + " LIMIT 0").columns().size()));
        }
        return out;
    }

    /** A few rows of the redacted statement view, the product's headline. */
    public static QueryResult sample(EngineSession reader) {
        return reader.query("SELECT statement_id, contract_id, assessment_period_start_date,"
                + " assessment_period_end_date, take_home_pay, last_modified_date_time, status"
                + " FROM ucs_latest_redacted.statement_fact_v ORDER BY statement_id LIMIT 5");
    }

    private void reset() {
        try {
            if (Files.exists(base)) {
                if (!Files.exists(ledger()) && !Files.exists(input())) {
                    throw MongoLatestException.user(base + " exists and is not a demo folder; move it away");
                }
                PrivateFiles.deleteTree(base);
            }
            PrivateFiles.createDirectories(base);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot prepare " + base + ": " + e.getMessage(), e);
        }
    }
}
