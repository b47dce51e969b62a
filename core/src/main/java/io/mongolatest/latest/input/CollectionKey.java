package io.mongolatest.latest.input;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.TableName;

/** A collection of the input, by its normalised database and collection names (SPEC §5). */
public record CollectionKey(String database, String collection)
        implements Comparable<CollectionKey>, java.io.Serializable {
    /** The database of the latest tables. */
    public static final String LATEST_DATABASE = "uc_mongo_latest";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public CollectionKey {
        requireNonNull(database, "database is null");
        requireNonNull(collection, "collection is null");
    }

    /**
     * A database or collection folder name as the product uses it: lower-cased, {@code -} as {@code _};
     * anything that does not then match {@code [a-z][a-z0-9_]*} is a user error naming {@code where}.
     */
    public static String normalise(String folder, String what, String where) {
        String n = folder.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!NAME.matcher(n).matches()) {
            throw MongoLatestException.user("invalid " + what + " folder name '" + folder + "' at " + where
                    + ": lower-cased and with '-' as '_', a name must match [a-z][a-z0-9_]*");
        }
        return n;
    }

    /** {@code uc_mongo_latest.<database>_<collection>}. */
    public TableName table() {
        String name = database + "_" + collection;
        if (!TableName.isValidPart(name)) {
            throw MongoLatestException.user("collection " + this + " makes the table name " + name
                    + ", which is longer than 128 characters");
        }
        return new TableName(LATEST_DATABASE, name);
    }

    @Override
    public int compareTo(CollectionKey o) {
        int c = database.compareTo(o.database);
        return c != 0 ? c : collection.compareTo(o.collection);
    }

    @Override
    public String toString() {
        return database + "." + collection;
    }
}
