package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import io.mongolatest.DataSize;

/**
 * How objects move: files larger than {@code multipartThreshold} are uploaded in parts of {@code partSize}
 * (grown when a file would need more than S3's 10,000 parts); objects above the threshold are copied in
 * parts too. Listings ask for {@code listPageSize} keys a page, and batch deletes send as many.
 */
public record S3TransferSettings(DataSize multipartThreshold, DataSize partSize, int listPageSize) {
    /** S3's smallest part but the last. */
    public static final DataSize MIN_PART_SIZE = DataSize.ofMebibytes(5);
    /** S3's largest part, and its largest single PUT or CopyObject. */
    public static final DataSize MAX_PART_SIZE = DataSize.ofGibibytes(5);
    static final int MAX_PARTS = 10_000;
    static final int MAX_PAGE_SIZE = 1000;

    public S3TransferSettings {
        requireNonNull(multipartThreshold, "multipartThreshold is null");
        requireNonNull(partSize, "partSize is null");
        if (partSize.bytes() < MIN_PART_SIZE.bytes() || partSize.bytes() > MAX_PART_SIZE.bytes()) {
            throw new IllegalArgumentException("partSize " + partSize + " is not within " + MIN_PART_SIZE + " and "
                    + MAX_PART_SIZE);
        }
        if (multipartThreshold.bytes() < partSize.bytes() || multipartThreshold.bytes() > MAX_PART_SIZE.bytes()) {
            throw new IllegalArgumentException("multipartThreshold " + multipartThreshold + " is not within partSize "
                    + partSize + " and " + MAX_PART_SIZE);
        }
        if (listPageSize < 1 || listPageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("listPageSize " + listPageSize + " is not within 1 and "
                    + MAX_PAGE_SIZE);
        }
    }

    /** Multipart above 64 MiB in 16 MiB parts; S3's largest page of 1000 keys. */
    public static S3TransferSettings defaults() {
        return new S3TransferSettings(DataSize.ofMebibytes(64), DataSize.ofMebibytes(16), MAX_PAGE_SIZE);
    }

    /** The part size for a file of {@code size} bytes: the configured one, or larger to stay within 10,000. */
    long partSizeFor(long size) {
        long atLeast = (size + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(partSize.bytes(), atLeast);
    }
}
