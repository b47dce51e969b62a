package io.mongolatest.storage;

import java.util.Map;

/**
 * Told of each commit of a warehouse after its new versions became current and before the versions it
 * superseded are deleted ({@link Warehouse#follow}): a catalog that points its readers at table versions (a Hive
 * metastore, the Glue Data Catalog) follows the commit there, so that its readers never meet a deleted version.
 */
@FunctionalInterface
public interface CommitFollower {

    /**
     * {@code tables} are now the whole of {@code database}. An exception fails the commit after its atomic step:
     * the new versions are current, and nothing is deleted until a later commit.
     */
    void committed(String database, Map<String, TableVersion> tables);

    /** A follower's registration; closing it ends the following. */
    @FunctionalInterface
    interface Following extends AutoCloseable {
        @Override
        void close();
    }
}
