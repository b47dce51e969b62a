package io.mongolatest.tables.iceberg;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import org.apache.iceberg.catalog.Catalog;

/**
 * An Iceberg catalog opened for a warehouse, with the properties it was opened with: what another Iceberg client
 * (Spark's) needs to open the same one. Closing it releases its connections and clients.
 */
public record OpenCatalog(Catalog catalog, Map<String, String> properties) implements AutoCloseable {
    public OpenCatalog {
        requireNonNull(catalog, "catalog is null");
        properties = Map.copyOf(properties);
    }

    @Override
    public void close() {
        if (catalog instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the catalog: " + e.getMessage(), e);
            }
        }
    }
}
