package io.mongolatest.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables of a warehouse, published by database: a database is one set of table versions, replaced
 * whole by {@link #commit} in one atomic step, so that a reader sees every table of one completed export.
 * Implementations: a local folder (symbolic links) and S3 (a manifest per database); one contract suite
 * checks both. An instance is used by one runner at a time (the run's lease guarantees it).
 */
public interface Warehouse {

    Location root();

    /**
     * Where a reader finds {@code table} now: stable across commits where the store can (a local link), else
     * the location of the current version (re-read after each commit).
     */
    Location tableLocation(TableName table);

    /** A new, empty location for a version of {@code table}; nobody reads it until a commit names it. */
    TableVersion newVersion(TableName table);

    /** The tables of {@code database} as readers see them now, by name; empty before its first commit. */
    Map<String, TableVersion> current(String database);

    /**
     * Makes {@code tables} the whole content of {@code database} in one atomic step; tables it had and
     * {@code tables} lacks are gone for readers at the same instant. Versions no database names any more,
     * and that this instance is not about to commit, are then deleted.
     */
    void commit(String database, Map<String, TableVersion> tables);

    /**
     * Tells {@code follower} of every later commit of this instance, between the commit's atomic step and the
     * deletion of what it superseded, until the returned registration is closed.
     */
    CommitFollower.Following follow(CommitFollower follower);

    /** Deletes the versions this instance made and did not commit (after a failure or a cancel). */
    void discardPending();

    /** The databases readers can see, in name order. */
    List<String> databases();

    /** Files kept beside the tables (quarantine, run records). */
    FileArea files();

    /** Every table of every database, database by database, in name order. */
    default List<TableName> tables() {
        List<TableName> out = new ArrayList<>();
        for (String db : databases()) {
            current(db).keySet().forEach(t -> out.add(new TableName(db, t)));
        }
        return out;
    }
}
