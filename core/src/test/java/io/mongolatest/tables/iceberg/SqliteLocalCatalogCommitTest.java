package io.mongolatest.tables.iceberg;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.tables.CatalogFixture;

/** {@link CatalogCommitContract} on the embedded default: SQLite inside a local warehouse. */
final class SqliteLocalCatalogCommitTest extends CatalogCommitContract {
    private final CatalogFixture fixture;

    SqliteLocalCatalogCommitTest(@TempDir Path dir) {
        fixture = CatalogFixture.sqliteLocal(dir);
    }

    @Override
    protected CatalogFixture fixture() {
        return fixture;
    }
}
