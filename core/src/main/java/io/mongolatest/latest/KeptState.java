package io.mongolatest.latest;

/**
 * The database of the build's kept state: per collection, a table of winners a later delta build merges into.
 * It is the build's own, never the product: readers of the warehouse do not see it.
 */
public final class KeptState {
    public static final String DATABASE = "mongo_latest_state";

    private KeptState() {
    }

    /** Whether readers of the warehouse see {@code database}: the kept state is the build's own, not the product. */
    public static boolean published(String database) {
        return !DATABASE.equals(database);
    }
}
