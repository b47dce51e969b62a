package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import io.mongolatest.MongoLatestException;

/** The storage providers on the class path, by scheme. */
public final class Storages {
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

    /** Checks, as a user error, that {@code location} can be opened at all; nothing is opened. */
    public void check(Location location, String option) {
        provider(location, option);
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
