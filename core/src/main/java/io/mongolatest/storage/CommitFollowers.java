package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The followers of one warehouse instance, told in the order they began following. */
public final class CommitFollowers {
    private final CopyOnWriteArrayList<CommitFollower> followers = new CopyOnWriteArrayList<>();

    public CommitFollower.Following add(CommitFollower follower) {
        requireNonNull(follower, "follower is null");
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** Tells every follower; the first that fails ends it, with its exception. */
    public void tell(String database, Map<String, TableVersion> tables) {
        for (CommitFollower f : followers) {
            f.committed(database, tables);
        }
    }
}
