package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ShortHash;

/** The storage providers on the class path, by scheme; closing it closes them. */
public final class Storages implements AutoCloseable {
    /** Below the state directory: a folder per warehouse that is not local, for an engine's own files. */
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

    /** The plain files kept beside the tables of the warehouse at {@code root}. */
    public FileArea files(Location root) {
        return provider(root, "--warehouse").files(root, settings);
    }

    /** What of an earlier version's table layout is at {@code root}, if any ({@link StorageProvider#olderLayout}). */
    public Optional<String> olderLayout(Location root) {
        return provider(root, "--warehouse").olderLayout(root, settings);
    }

    public StorageSettings settings() {
        return settings;
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
