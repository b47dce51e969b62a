package io.mongolatest.storage;

/**
 * Where data lives: a local folder ({@link LocalLocation}) or an S3 prefix
 * ({@link io.mongolatest.storage.s3.S3Location}). Text forms are an absolute path or {@code s3://bucket/key};
 * {@link Locations#parse} reads what an operator types. {@link #resolve} is the only way down, and refuses
 * anything that would climb out.
 */
public interface Location {

    /** {@code file} or {@code s3}. */
    String scheme();

    /** The location {@code relative} below this one: plain segments separated by {@code /}. */
    Location resolve(String relative);

    /** The canonical text: an absolute path, or {@code s3://bucket/key}; the ledger stores it. */
    @Override
    String toString();
}
