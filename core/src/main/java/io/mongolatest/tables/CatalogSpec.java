package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;

/**
 * The catalog that holds each table's current pointer ({@code --catalog}, SPEC §7).
 *
 * @param kind     which catalog
 * @param argument the SQLite file ({@code sqlite:PATH}, or null: the warehouse's own), the DynamoDB table name, or
 *                 the REST catalog's URL; null for Glue
 */
public record CatalogSpec(Kind kind, String argument) {
    /** The catalog's name in every engine and reader: Spark's {@code spark.sql.catalog.<name>}. */
    public static final String NAME = "mongo_latest";
    /** The SQLite catalog's file inside a local warehouse. */
    public static final String SQLITE_FILE = "iceberg_catalog.db";

    public enum Kind { SQLITE, GLUE, DYNAMODB, REST }

    public CatalogSpec {
        requireNonNull(kind, "kind is null");
    }

    /** Reads {@code --catalog}: {@code sqlite}, {@code sqlite:PATH}, {@code glue}, {@code dynamodb:TABLE}, {@code rest:URL}. */
    public static CatalogSpec parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        switch (name) {
            case "sqlite":
                if (arg != null && arg.isBlank()) {
                    break;
                }
                return new CatalogSpec(Kind.SQLITE, arg);
            case "glue":
                if (arg == null) {
                    return new CatalogSpec(Kind.GLUE, null);
                }
                break;
            case "dynamodb":
                if (arg != null && arg.matches("[A-Za-z0-9_.-]{3,255}")) {
                    return new CatalogSpec(Kind.DYNAMODB, arg);
                }
                break;
            case "rest":
                if (arg != null && restUri(arg).isPresent()) {
                    return new CatalogSpec(Kind.REST, arg);
                }
                break;
            default:
                break;
        }
        throw MongoLatestException.user("invalid --catalog '" + text + "': expected sqlite, sqlite:PATH, glue,"
                + " dynamodb:TABLE or rest:URL");
    }

    /** The default for {@code warehouse}: the SQLite file inside it when local; none elsewhere. */
    public static Optional<CatalogSpec> defaultFor(Location warehouse) {
        return warehouse instanceof LocalLocation ? Optional.of(new CatalogSpec(Kind.SQLITE, null)) : Optional.empty();
    }

    /** What an S3 warehouse needs, as the one-line user error said when none is given. */
    public static MongoLatestException missingFor(Location warehouse) {
        return MongoLatestException.user("--warehouse " + warehouse + " needs a catalog that is not a local file:"
                + " give --catalog glue, dynamodb:TABLE or rest:URL (or sqlite:PATH on a single machine)");
    }

    private static Optional<URI> restUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (argument == null ? "" : ":" + argument);
    }
}
