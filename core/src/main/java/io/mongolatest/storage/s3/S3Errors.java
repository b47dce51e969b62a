package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns a failed S3 call into one line for the operator, naming what was being done where. What the operator
 * must fix (a missing bucket, denied access, the bucket in another region) is a user error; a store that
 * does not answer or fails is external.
 */
final class S3Errors {
    private final String store;

    /** {@code endpointOrNull}: the S3-compatible store the client talks to, or null for AWS. */
    S3Errors(URI endpointOrNull) {
        this.store = endpointOrNull == null ? "AWS S3" : "S3 at " + endpointOrNull;
    }

    /** {@code what} is a verb phrase such as "list", "read", "write"; {@code where} an S3 URI. */
    MongoLatestException translate(String what, String where, SdkException e) {
        requireNonNull(what, "what is null");
        requireNonNull(where, "where is null");
        requireNonNull(e, "e is null");
        String doing = "cannot " + what + " " + where;
        if (e instanceof S3Exception s3) {
            String code = errorCode(s3);
            int status = s3.statusCode();
            if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
                return new MongoLatestException(ErrorKind.USER, doing + ": the bucket " + bucket(where)
                        + " does not exist in " + store, e);
            }
            if (status == 403) {
                return new MongoLatestException(ErrorKind.USER, doing + ": access denied by " + store + " (" + code
                        + "): check the credentials and the bucket policy", e);
            }
            if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
                return new MongoLatestException(ErrorKind.USER, doing + ": the bucket " + bucket(where)
                        + " is in another region than the one configured (set AWS_REGION to the bucket's region)", e);
            }
            return new MongoLatestException(ErrorKind.EXTERNAL, doing + ": " + store + " answered HTTP " + status
                    + " " + code + ": " + message(s3), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new MongoLatestException(ErrorKind.EXTERNAL, doing + ": no answer from " + store + " in time", e);
        }
        if (e instanceof SdkClientException) {
            return new MongoLatestException(ErrorKind.EXTERNAL, doing + ": cannot reach " + store + ": "
                    + oneLine(rootMessage(e)), e);
        }
        return new MongoLatestException(ErrorKind.EXTERNAL, doing + ": " + oneLine(e.getMessage()), e);
    }

    /** Some keys of a batch delete were not deleted: the first names the reason. */
    MongoLatestException notDeleted(S3Location prefix, List<S3Error> failed) {
        S3Error first = failed.get(0);
        String code = first.code() == null ? "an unknown error" : first.code();
        return new MongoLatestException("AccessDenied".equals(code) ? ErrorKind.USER : ErrorKind.EXTERNAL,
                "cannot delete s3://" + prefix.bucket() + "/" + first.key() + " below " + prefix + ": " + store
                        + " answered " + code + ": " + oneLine(first.message())
                        + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more keys not deleted)" : ""));
    }

    static String errorCode(S3Exception e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        return code == null || code.isBlank() ? "HTTP " + e.statusCode() : code;
    }

    private static String message(S3Exception e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String message = details == null ? null : details.errorMessage();
        return oneLine(message == null ? e.getMessage() : message);
    }

    private static String bucket(String where) {
        String rest = where.startsWith("s3://") ? where.substring("s3://".length()) : where;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The innermost cause says what went wrong on the wire (connection refused, unknown host). */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root == e || message == null ? String.valueOf(e.getMessage())
                : root.getClass().getSimpleName() + ": " + message;
    }

    private static String oneLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
