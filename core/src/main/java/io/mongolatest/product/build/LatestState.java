package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.plan.Fingerprint;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;

/**
 * The build's kept state, for a later delta build: the database {@value #DATABASE}, a table of winners
 * (removals included, with version time and position) per collection, committed like every database, and
 * its manifest, a file named after the state's table versions, written before they are committed. A
 * committed state therefore always has its manifest, and says which run built it from which input and
 * which latest tables it belongs with.
 */
public final class LatestState {
    public static final String DATABASE = "mongo_latest_state";
    static final String MANIFESTS = "latest-state";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Whether readers of the warehouse see {@code database}: the kept state is the build's own, not the product. */
    public static boolean published(String database) {
        return !DATABASE.equals(database);
    }

    /**
     * @param correlationId the run whose build kept the state, with its data product and Run_Id
     * @param product       the product's identity ({@link BuildMode#productOf}): another product rebuilds
     * @param input         the input selection the state was built from ({@code InputSetJson})
     * @param latest        the version id of each latest table it was built with, by table name
     * @param counts        the input accounting of each table, which a delta build adds its new lines to
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Manifest(String correlationId, String dataProduct, long runId, String product, String input,
                           Map<String, String> latest, Map<String, InputCounts> counts) {
        public Manifest {
            requireNonNull(correlationId, "correlationId is null");
            requireNonNull(dataProduct, "dataProduct is null");
            requireNonNull(product, "product is null");
            requireNonNull(input, "input is null");
            latest = Map.copyOf(latest);
            counts = Map.copyOf(counts);
        }
    }

    private LatestState() {
    }

    /** The manifest of the state now committed, if there is one and it can be read. */
    static Optional<Manifest> current(Warehouse warehouse) {
        Map<String, TableVersion> state = warehouse.current(DATABASE);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<InputStream> in = warehouse.files().open(path(state));
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream s = in.get()) {
                return Optional.of(MAPPER.readValue(s, Manifest.class));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: a build from scratch replaces it
        }
    }

    /** Writes the manifest of {@code state}, to be committed next. */
    static void write(FileArea files, Map<String, TableVersion> state, Manifest manifest) {
        String path = path(state);
        try (OutputStream out = files.create(path)) {
            out.write(MAPPER.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + files.location(path) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the manifest of a state no longer committed. */
    static void forget(FileArea files, Map<String, TableVersion> state) {
        if (!state.isEmpty()) {
            files.deleteTree(path(state));
        }
    }

    static Map<String, String> ids(Map<String, TableVersion> versions) {
        Map<String, String> out = new LinkedHashMap<>();
        new TreeMap<>(versions).forEach((table, v) -> out.put(table, v.id()));
        return out;
    }

    private static String path(Map<String, TableVersion> state) {
        StringBuilder b = new StringBuilder();
        ids(state).forEach((table, id) -> b.append(table).append('=').append(id).append('\n'));
        return MANIFESTS + "/" + Fingerprint.hash(b.toString()) + ".json";
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
