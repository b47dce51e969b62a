package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ObjectInfo;
import io.mongolatest.storage.s3.S3Objects;

/**
 * The product package a launch planned with, put where the cluster's bootstrap installs it from: in a folder
 * named by the package's digest below the product root. The cluster then runs exactly the steps, SQL and
 * fingerprints the launch planned and recorded, and a package once uploaded never changes under a cluster.
 */
public final class ProductUpload {
    private static final String MARKER = "pipeline.yaml";

    private ProductUpload() {
    }

    /** Where {@code files} go below {@code root} (an {@code s3://} folder): {@code <root>/<digest>/}. */
    public static URI location(URI root, ProductFiles files) {
        requireNonNull(files, "files is null");
        return URI.create(folder(root).resolve(digest(files)) + "/");
    }

    /**
     * Uploads {@code files} to {@link #location} unless they are there already; {@code pipeline.yaml} goes last,
     * so that its presence says the folder is complete.
     */
    public static URI upload(S3Objects objects, URI root, ProductFiles files) {
        requireNonNull(objects, "objects is null");
        URI at = location(root, files);
        S3Location folder = folder(at);
        if (objects.head(folder.resolve(MARKER)).isPresent()) {
            return at;
        }
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            if (!f.getKey().equals(MARKER)) {
                objects.put(folder.resolve(f.getKey()), f.getValue());
            }
        }
        objects.put(folder.resolve(MARKER), files.files().get(MARKER));
        return at;
    }

    /**
     * The package a cluster installed from {@code location} (a folder {@link #upload} made), checked against
     * the digest its name holds: what a relaunch plans with, so that its fingerprints are the launch's.
     */
    public static ProductFiles download(S3Objects objects, URI location) {
        requireNonNull(objects, "objects is null");
        S3Location folder = folder(location);
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (S3ObjectInfo o : objects.list(folder)) {
            try (InputStream in = objects.open(o)) {
                files.put(o.keyBelow(folder), in.readAllBytes());
            } catch (IOException e) {
                throw MongoLatestException.external("cannot read " + o.key() + " of the product at " + location
                        + ": " + e.getMessage(), e);
            }
        }
        if (!files.containsKey(MARKER)) {
            throw MongoLatestException.user("no product package at " + location + " (it has no " + MARKER + ")");
        }
        ProductFiles product = new ProductFiles(location.toString(), files);
        String digest = digest(product);
        if (!digest.equals(digestOf(location))) {
            throw MongoLatestException.user("the product package at " + location + " is not the one its folder is"
                    + " named after (digest " + digest + "): it was changed after the launch");
        }
        return product;
    }

    /** The digest the package folder {@code location} is named after. */
    public static String digestOf(URI location) {
        String key = folder(location).key();
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static S3Location folder(URI root) {
        requireNonNull(root, "root is null");
        String text = root.toString();
        if (!S3Location.isS3(text)) {
            throw MongoLatestException.user("--product-location must be an s3:// folder, not " + root);
        }
        return S3Location.parse(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** SHA-256 over every file's path, length and bytes, in path order: 16 hex digits name the folder. */
    static String digest(ProductFiles files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(f.getValue().length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(f.getValue());
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
