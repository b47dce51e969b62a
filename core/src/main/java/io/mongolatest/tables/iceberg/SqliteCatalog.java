package io.mongolatest.tables.iceberg;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * Iceberg's JDBC catalog on a SQLite file, safe with writers in several processes. Iceberg 1.10's catalog leaves
 * the result sets of its schema checks ({@link DatabaseMetaData#getTables}, {@code getColumns}) open on a pooled
 * connection; on SQLite an open statement holds a read transaction, so that connection's next write fails with
 * {@code SQLITE_BUSY_SNAPSHOT} as soon as another process has committed. Here those result sets are read into
 * memory and closed at once. Spark opens it by name ({@code catalog-impl}).
 */
public class SqliteCatalog extends JdbcCatalog {

    public SqliteCatalog() {
        super(null, SqliteCatalog::pool, true);
    }

    private static JdbcClientPool pool(Map<String, String> props) {
        int size = Integer.parseInt(props.getOrDefault(CatalogProperties.CLIENT_POOL_SIZE, "2"));
        return new JdbcClientPool(size, props.get(CatalogProperties.URI), props) {
            @Override
            protected Connection newClient() {
                return closingMetadata(super.newClient());
            }
        };
    }

    private static Connection closingMetadata(Connection real) {
        return (Connection) Proxy.newProxyInstance(SqliteCatalog.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = call(real, method, args);
                    if (result instanceof DatabaseMetaData meta) {
                        return metadata(meta, (Connection) proxy);
                    }
                    return result;
                });
    }

    private static DatabaseMetaData metadata(DatabaseMetaData real, Connection connection) {
        return (DatabaseMetaData) Proxy.newProxyInstance(SqliteCatalog.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    Object result = call(real, method, args);
                    if (result instanceof ResultSet rs) {
                        return copied(rs);
                    }
                    return result;
                });
    }

    private static ResultSet copied(ResultSet rs) throws SQLException {
        try (rs) {
            CachedRowSet copy = RowSetProvider.newFactory().createCachedRowSet();
            copy.populate(rs);
            return copy;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
