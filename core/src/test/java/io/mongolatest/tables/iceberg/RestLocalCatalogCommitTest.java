package io.mongolatest.tables.iceberg;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.tables.CatalogFixture;

/** {@link CatalogCommitContract} on Iceberg's REST catalog (its own adapter and servlet over SQLite), a local warehouse. */
final class RestLocalCatalogCommitTest extends CatalogCommitContract {
    private final CatalogFixture fixture;

    RestLocalCatalogCommitTest(@TempDir Path dir) {
        fixture = CatalogFixture.restLocal(dir);
    }

    @Override
    protected CatalogFixture fixture() {
        return fixture;
    }
}
