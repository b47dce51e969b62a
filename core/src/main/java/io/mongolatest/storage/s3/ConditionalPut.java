package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

/**
 * What a conditional write did: it wrote (and the object now has {@code etag}), or its condition did not hold
 * and nothing was written. A write whose outcome is unknown is neither: it is an error.
 */
public sealed interface ConditionalPut {
    /** The object was written; {@code etag} is its new ETag, for the next {@code If-Match}. */
    record Written(S3Location location, String etag) implements ConditionalPut {
        public Written {
            requireNonNull(location, "location is null");
            requireNonNull(etag, "etag is null");
        }
    }

    /** The condition failed (an object exists, has another ETag, or is missing for If-Match): nothing written. */
    record PreconditionFailed(S3Location location) implements ConditionalPut {
        public PreconditionFailed {
            requireNonNull(location, "location is null");
        }
    }

    default boolean written() {
        return this instanceof Written;
    }
}
