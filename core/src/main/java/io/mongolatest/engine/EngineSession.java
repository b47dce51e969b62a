package io.mongolatest.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableChange;

/**
 * An open connection of an engine to a warehouse: what every engine does for the product (its SQL, its
 * tables as Iceberg data files). Statements run one at a time; {@link #cancel()} may be called from any thread to
 * interrupt the one running. What only some engines can do is a capability ({@link #capability}), which
 * the engine lists ({@link SqlEngine#capabilities()}) so that a run is refused when it is planned.
 *
 * <p>SQL errors surface as {@link SqlFailure} with the engine's message on one line.
 */
public interface EngineSession extends AutoCloseable {

    /** Runs one statement. */
    void execute(String sql);

    QueryResult query(String sql);

    /** Creates the schema (database) if it does not exist. */
    void createSchema(String schema);

    /**
     * Writes the rows of {@code selectSql} as the new content of {@code table}: Parquet data files carrying the
     * field ids of its columns, which nobody reads until the returned change is committed
     * ({@link io.mongolatest.tables.TableStore#commit}).
     */
    TableChange writeTable(TableName table, String selectSql);

    /** Makes {@code table} readable as {@code database.table}: the table at {@code snapshotId}. */
    void registerTable(TableName table, long snapshotId);

    /** {@link #registerTable} for each of {@code tables}, at once where the engine can (a database's publication). */
    default void registerTables(Map<TableName, Long> tables) {
        tables.forEach(this::registerTable);
    }

    /** SQL that reads {@code table} at {@code snapshotId}, to be put after a {@code FROM}, with an alias. */
    String tableAt(TableName table, long snapshotId);

    /** The tables and views of {@code schema}, in name order; empty when the schema does not exist. */
    List<String> relations(String schema);

    /** Drops the table or view {@code schema.name} if it exists. */
    void dropRelation(String schema, String name);

    /** {@code value} as a string literal of this engine's SQL (quoting rules differ between engines). */
    String literal(String value);

    /**
     * From now on the session reads only the files of the tables {@code readable} besides its own, writes none
     * elsewhere, loads no extension and changes no setting, for good: how the product's SQL runs. A statement that
     * tries fails with a {@link SqlFailure} saying what it tried.
     */
    void confine(List<TableName> readable);

    /** Interrupts the running statement, if any; it then fails with a {@link SqlFailure} marked cancelled. */
    void cancel();

    @Override
    void close();

    /** This session as {@code type} (e.g. {@link RowSources}) if it offers that capability. */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

}
