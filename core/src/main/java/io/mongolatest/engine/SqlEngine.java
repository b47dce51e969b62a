package io.mongolatest.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Location;
import io.mongolatest.tables.TableStore;

/**
 * A SQL engine that runs the product's SQL over a warehouse: a plugin found by name ({@link Engines}), with a
 * public no-argument constructor. Implementations: DuckDB (embedded), Spark (its own module).
 */
public interface SqlEngine {

    /** Short name used on the command line: {@code duckdb}, {@code spark}. */
    String name();

    /**
     * Whether the engine reads and writes files of locations of {@code scheme} itself ({@code file}, {@code s3}).
     * For a warehouse of a scheme it does not reach, it writes its data files locally (the table store copies
     * them) and reads local copies; its input is always streamed to it by the core.
     */
    default boolean reaches(String scheme) {
        return io.mongolatest.storage.LocalLocation.SCHEME.equals(scheme);
    }

    /**
     * A session on the tables of {@code tables}, for a process that may know nothing of the ones before it (a step
     * process on a fresh node, a fresh state folder): an engine whose catalog does not live in the warehouse makes
     * it the warehouse's here (each table at the snapshot readers read, see
     * {@link io.mongolatest.tables.Publications}, and the views kept beside the tables, see
     * {@link WarehouseCatalog}). {@link EngineSettings#warehouse()} is a local folder for the engine's own files.
     */
    EngineSession open(EngineSettings settings, TableStore tables);

    /**
     * What this engine and its sessions can do beyond the product's SQL (e.g. {@link RowSources},
     * {@link ReadOnlySessions}): what a step needs is checked against it when a run is planned.
     */
    Set<Class<?>> capabilities();

    /**
     * Refuses, as a user error, engine properties ({@link EngineSettings#properties()}) this engine does not
     * know or whose values it cannot use; checked before anything is written. An engine without properties
     * refuses them all.
     */
    default void checkProperties(Map<String, String> properties) {
        if (!properties.isEmpty()) {
            throw MongoLatestException.user("the " + name() + " engine has no setting '"
                    + properties.keySet().iterator().next() + "'");
        }
    }

    /** Refuses, as a user error, a warehouse location this engine cannot work in: said when a run is planned. */
    default void checkWarehouse(Location warehouse) {
    }

    /** This engine as {@code type} (e.g. {@link ReadOnlySessions}) if it offers that capability. */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
