package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableChange;

/**
 * A session whose statements' views are kept in a {@link WarehouseCatalog}: after each statement (and each drop)
 * the engine's views are compared with those before it, and the statement is recorded for each view it created
 * or replaced (a view dropped is forgotten). Everything else goes to the session as it is.
 */
final class ViewKeepingSession implements EngineSession {
    private final EngineSession session;
    private final WarehouseCatalog catalog;
    private final WarehouseCatalog.Views views;

    ViewKeepingSession(EngineSession session, WarehouseCatalog catalog, WarehouseCatalog.Views views) {
        this.session = requireNonNull(session, "session is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.views = requireNonNull(views, "views is null");
    }

    @Override
    public void execute(String sql) {
        keeping(sql, () -> session.execute(sql));
    }

    @Override
    public void dropRelation(String schema, String name) {
        keeping("DROP " + schema + "." + name, () -> session.dropRelation(schema, name));
    }

    private void keeping(String sql, Runnable statement) {
        Map<String, String> before = views.views();
        statement.run();
        Map<String, String> after = views.views();
        if (!after.equals(before)) {
            catalog.record(before, after, sql);
        }
    }

    @Override
    public QueryResult query(String sql) {
        return session.query(sql);
    }

    @Override
    public void createSchema(String schema) {
        session.createSchema(schema);
    }

    @Override
    public TableChange writeTable(TableName table, String selectSql) {
        return session.writeTable(table, selectSql);
    }

    @Override
    public void registerTable(TableName table, long snapshotId) {
        session.registerTable(table, snapshotId);
    }

    @Override
    public void registerTables(Map<TableName, Long> tables) {
        session.registerTables(tables);
    }

    @Override
    public String tableAt(TableName table, long snapshotId) {
        return session.tableAt(table, snapshotId);
    }

    @Override
    public List<String> relations(String schema) {
        return session.relations(schema);
    }

    @Override
    public void confine(List<TableName> readable) {
        session.confine(readable);
    }

    @Override
    public String literal(String value) {
        return session.literal(value);
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public void close() {
        session.close();
    }

    /** The session's own capabilities (its build, its row sources), which make no views. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return session.capability(type);
    }
}
