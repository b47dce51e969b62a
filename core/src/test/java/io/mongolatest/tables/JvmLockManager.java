package io.mongolatest.tables;

import java.util.Map;

import org.apache.iceberg.LockManager;
import org.apache.iceberg.util.LockManagers;

/**
 * Iceberg's in-process lock, shared by every catalog of this JVM, made by name ({@code lock-impl}): for a stand-in
 * catalog without a lock of its own (see {@link CatalogFixture}).
 */
public class JvmLockManager implements LockManager {
    private final LockManager shared = LockManagers.defaultLockManager();

    @Override
    public boolean acquire(String entityId, String ownerId) {
        return shared.acquire(entityId, ownerId);
    }

    @Override
    public boolean release(String entityId, String ownerId) {
        return shared.release(entityId, ownerId);
    }

    @Override
    public void initialize(Map<String, String> properties) {
        // the shared lock has its settings already
    }

    @Override
    public void close() {
        // shared by the JVM: never closed by one catalog
    }
}
