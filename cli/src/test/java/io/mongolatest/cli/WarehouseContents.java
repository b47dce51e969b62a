package io.mongolatest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mongolatest.engine.WarehouseTables;

/**
 * Every published table of a warehouse, as sorted rows of text, read the way any Parquet reader would:
 * through the table's folder. The audit table is left out: it records the runs themselves.
 */
final class WarehouseContents {
    private WarehouseContents() {
    }

    static Map<String, List<String>> read(Path warehouse) {
        return WarehouseTables.rows(warehouse);
    }
}
