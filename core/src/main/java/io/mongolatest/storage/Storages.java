package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ShortHash;

/** The storage providers on the class path, by scheme; closing it closes them. */
public final class Storages implements AutoCloseable {
    /** Below the state directory: a folder per warehouse that is not local, for the engine and the mirror. */
    static final String WAREHOUSES = "warehouses";

    private final Map<String, StorageProvider> providers;
    private final StorageSettings settings;

    private Storages(Map<String, StorageProvider> providers, StorageSettings settings) {
        this.providers = Map.copyOf(providers);
        this.settings = requireNonNull(settings, "settings is null");
    }

    public static Storages load(StorageSettings settings) {
        Map<String, StorageProvider> found = new TreeMap<>();
        for (StorageProvider p : ServiceLoader.load(StorageProvider.class, Storages.class.getClassLoader())) {
            found.putIfAbsent(p.scheme(), p);
        }
        return new Storages(found, settings);
    }

    public InputStore input(Location root) {
        return provider(root, "--input").input(root, settings);
    }

    public Warehouse warehouse(Location root, Clock clock) {
        return provider(root, "--warehouse").warehouse(root, settings, clock);
    }

    /**
     * The warehouse at {@code root} for an engine that reads and writes the schemes {@code engineReaches}
     * accepts: the store itself when it reaches the scheme, else the store seen through a local mirror in the
     * state directory ({@link MirroredWarehouse}), so that the engine only ever sees local folders.
     */
    public EngineWarehouse forEngine(Location root, Clock clock, Predicate<String> engineReaches, Path stateDir) {
        Path folder = engineFolder(root, stateDir);
        Warehouse store = warehouse(root, clock);
        if (engineReaches.test(root.scheme())) {
            return new EngineWarehouse(store, folder);
        }
        if (!(store instanceof VersionFiles files)) {
            throw MongoLatestException.user("--warehouse " + root + ": the engine cannot reach " + root.scheme()
                    + ":// locations, and they cannot be staged locally in this build");
        }
        return new EngineWarehouse(new MirroredWarehouse(store, files, folder.resolve(MirroredWarehouse.MIRROR)),
                folder);
    }

    /**
     * The local folder of an engine working in the warehouse {@code root}: the folder itself when local,
     * else {@code <state-dir>/warehouses/<scheme>-<name>-<hash>/}, one per location.
     */
    public static Path engineFolder(Location root, Path stateDir) {
        if (root instanceof LocalLocation local) {
            return local.path();
        }
        String text = root.toString();
        String name = text.substring(text.indexOf(':') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
                .replaceAll("^-+|-+$", "");
        name = name.substring(0, Math.min(40, name.length()));
        return stateDir.resolve(WAREHOUSES).resolve(root.scheme() + "-" + name + "-" + ShortHash.of(text));
    }

    /** Checks, as a user error, that {@code location} can be opened at all; nothing is opened. */
    public void check(Location location, String option) {
        provider(location, option);
    }

    /**
     * Checks, as a user error and before anything is written, that {@code location} answers with the
     * configured credentials, and can be written when {@code writes}.
     */
    public void checkAccess(Location location, String option, boolean writes) {
        provider(location, option).checkAccess(location, settings, writes);
    }

    @Override
    public void close() {
        providers.values().forEach(StorageProvider::close);
    }

    private StorageProvider provider(Location location, String option) {
        StorageProvider p = providers.get(location.scheme());
        if (p == null) {
            throw MongoLatestException.user(option + " " + location + ": " + location.scheme()
                    + ":// locations are not supported by this build (it has " + String.join(", ", providers.keySet())
                    + ")");
        }
        return p;
    }
}
