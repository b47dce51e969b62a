package io.mongolatest.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.storage.TableName;

/**
 * One catalog given to two warehouses names each table once: the second warehouse must not read the first's
 * tables, nor write into their folders (on AWS: another bucket, another environment).
 */
class SharedCatalogTest {
    private static final TableName TABLE = new TableName("audit", "data_pipeline_metadata");
    private static final Schema SCHEMA = new Schema(Types.NestedField.optional(1, "id", Types.StringType.get()));

    @TempDir
    Path dir;

    @Test
    void aWarehouseRefusesATableOfItsCatalogThatLivesInAnotherWarehouse() throws Exception {
        CatalogSpec shared = CatalogSpec.parse("sqlite:" + dir.resolve("shared-catalog.db"));
        try (TableStore first = open(dir.resolve("first"), shared)) {
            LocalTables.commit(first, first.replace(TABLE, first.schemaFor(TABLE, SCHEMA), List.of()));
            assertThat(first.current(TABLE)).isPresent();
        }

        try (TableStore second = open(dir.resolve("second"), shared)) {
            assertThatThrownBy(() -> second.schemaFor(TABLE, SCHEMA))
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                    .hasMessage("the table audit.data_pipeline_metadata in catalog " + shared + " is at "
                            + dir.resolve("first").resolve("audit").resolve("data_pipeline_metadata") + ", outside the"
                            + " warehouse " + dir.resolve("second") + ": that catalog holds another warehouse's tables;"
                            + " give each warehouse a catalog of its own (--catalog)");
            assertThatThrownBy(() -> second.current(TABLE)).isInstanceOf(MongoLatestException.class);
        }
        assertThat(Files.exists(dir.resolve("second").resolve("audit"))).as("nothing written").isFalse();
    }

    private static TableStore open(Path warehouse, CatalogSpec catalog) {
        return TableStores.open(Storages.load(StorageSettings.defaults()), LocalLocation.of(warehouse), catalog,
                CatalogEndpoints.none());
    }
}
