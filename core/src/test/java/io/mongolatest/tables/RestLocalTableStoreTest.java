package io.mongolatest.tables;

import java.nio.file.Path;

/**
 * {@link TableStoreContract} on Iceberg's REST catalog (its own adapter and servlet, over SQLite) with a local
 * warehouse.
 */
class RestLocalTableStoreTest extends CatalogTableStoreContract {
    @Override
    protected CatalogFixture newFixture(Path dir) {
        return CatalogFixture.restLocal(dir);
    }
}
