package io.mongolatest.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.mongolatest.MongoLatestException;

/**
 * How to reach stores that are not local.
 *
 * @param s3Endpoint an S3-compatible endpoint ({@code --s3-endpoint}), or null for AWS itself
 */
public record StorageSettings(URI s3Endpoint) implements java.io.Serializable {
    public static StorageSettings defaults() {
        return new StorageSettings(null);
    }

    /** Settings from an operator's {@code --s3-endpoint} (null or blank: AWS), checked as a user error. */
    public static StorageSettings of(String s3EndpointOrNull) {
        if (s3EndpointOrNull == null || s3EndpointOrNull.isBlank()) {
            return defaults();
        }
        try {
            URI uri = new URI(s3EndpointOrNull.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null) {
                return new StorageSettings(uri);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw MongoLatestException.user("invalid --s3-endpoint " + s3EndpointOrNull
                + ": give the URL of an S3-compatible store, e.g. http://127.0.0.1:9000");
    }
}
