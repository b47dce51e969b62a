package io.mongolatest.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mongolatest.storage.TableName;
import io.mongolatest.storage.local.LocalWarehouse;

/**
 * Every published table of a warehouse, as sorted rows of text, read the way any Parquet reader would:
 * through the table's folder. The audit table is left out: it records the runs themselves.
 */
final class WarehouseContents {
    private WarehouseContents() {
    }

    static Map<String, List<String>> read(Path warehouse) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        LocalWarehouse wh = new LocalWarehouse(warehouse, Clock.systemUTC());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (TableName t : wh.tables()) {
                if (t.database().equals("audit")) {
                    continue;
                }
                String glob = wh.tablePath(t).resolve("*.parquet").toString().replace("'", "''");
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + glob + "') ORDER BY ALL")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            b.append(i == 1 ? "" : "|").append(rs.getString(i));
                        }
                        rows.add(b.toString());
                    }
                }
                out.put(t.toString(), rows);
            }
        }
        return out;
    }
}
