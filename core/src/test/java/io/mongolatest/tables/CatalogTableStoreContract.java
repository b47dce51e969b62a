package io.mongolatest.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;

/**
 * {@link TableStoreContract} on the catalogs of {@link CatalogFixture}: each new store gets a new catalog and
 * warehouse of the kind under test, each store {@link #sameAs} opens the same pair again, as another process
 * would.
 */
abstract class CatalogTableStoreContract extends TableStoreContract {
    private final List<CatalogFixture> fixtures = new ArrayList<>();
    private final Map<TableStore, CatalogFixture> fixtureOf = new IdentityHashMap<>();

    /** A new catalog and warehouse, with what is local to it in {@code dir} (which exists). */
    protected abstract CatalogFixture newFixture(Path dir);

    @Override
    protected TableStore newStore() {
        Path dir = temp.resolve("catalog-" + fixtures.size());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CatalogFixture fixture = newFixture(dir);
        fixtures.add(fixture);
        return opened(fixture);
    }

    @Override
    protected TableStore sameAs(TableStore store) {
        return opened(fixtureOf.get(store));
    }

    private TableStore opened(CatalogFixture fixture) {
        TableStore store = fixture.openStore(temp);
        fixtureOf.put(store, fixture);
        return store;
    }

    @AfterEach
    void closeFixtures() {
        fixtures.forEach(CatalogFixture::close);
    }
}
