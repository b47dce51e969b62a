package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.InputCounts;
import io.mongolatest.latest.KeptState;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.Publications;
import io.mongolatest.tables.SnapshotInfo;
import io.mongolatest.tables.TableStore;

/**
 * The build's kept state, for a later delta build: the database {@value KeptState#DATABASE}, an Iceberg table of winners
 * (removals included, with version time and position) per collection, committed after the latest tables, and its
 * manifest, a file written before the state's commit and named in each state snapshot's summary
 * ({@value #MANIFEST_KEY}). A committed state therefore always has its manifest, which says which run built it
 * from which input, and which snapshots of the latest tables it belongs with.
 */
public final class LatestState {
    static final String MANIFESTS = "latest-state";
    /** The snapshot summary key naming the state's manifest in the warehouse's files. */
    static final String MANIFEST_KEY = SnapshotInfo.PREFIX + "state-manifest";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param correlationId the run whose build kept the state, with its data product and Run_Id
     * @param product       the product's identity ({@link BuildMode#productOf}): another product rebuilds
     * @param input         the input selection the state was built from ({@code InputSetJson})
     * @param latest        the snapshot of each latest table it was built with, by table name
     * @param counts        the input accounting of each table, which a delta build adds its new lines to
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Manifest(String correlationId, String dataProduct, long runId, String product, String input,
                           Map<String, Long> latest, Map<String, InputCounts> counts) {
        public Manifest {
            requireNonNull(correlationId, "correlationId is null");
            requireNonNull(dataProduct, "dataProduct is null");
            requireNonNull(product, "product is null");
            requireNonNull(input, "input is null");
            latest = Map.copyOf(latest);
            counts = Map.copyOf(counts);
        }
    }

    /**
     * The state readers see now: its manifest, the manifest's path, and each state table's snapshot.
     */
    record Current(Manifest manifest, String path, Map<String, Long> tables) {
    }

    private LatestState() {
    }

    /** The state now committed, if there is one and its manifest can be read. */
    static Optional<Current> current(TableStore store) {
        Map<String, Long> tables = Publications.readable(store, KeptState.DATABASE);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Long> any = tables.entrySet().iterator().next();
        String path = store.snapshot(new TableName(KeptState.DATABASE, any.getKey()), any.getValue())
                .map(s -> s.summary().get(MANIFEST_KEY)).orElse(null);
        if (path == null || !path.startsWith(MANIFESTS + "/")) {
            return Optional.empty();
        }
        try {
            Optional<InputStream> in = store.files().open(path);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream s = in.get()) {
                return Optional.of(new Current(MAPPER.readValue(s, Manifest.class), path, tables));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: a build from scratch replaces it
        }
    }

    /** A new manifest's path. */
    static String newPath() {
        return MANIFESTS + "/" + UUID.randomUUID() + ".json";
    }

    /** Writes the manifest of a state about to be committed. */
    static void write(FileArea files, String path, Manifest manifest) {
        try (OutputStream out = files.create(path)) {
            out.write(MAPPER.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + files.location(path) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the manifest of a state no longer committed. */
    static void forget(FileArea files, String path) {
        files.deleteTree(path);
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
