package io.mongolatest.cluster;

import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * EMR's failures as this tool's one-line errors. A request EMR refuses (access denied, validation, an unknown
 * cluster) is the user's to fix; throttling, EMR's own errors and an unreachable endpoint are external and may
 * pass when tried again.
 */
final class EmrErrors {
    private EmrErrors() {
    }

    static MongoLatestException map(String what, SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
            String detail = oneLine(message == null ? String.valueOf(s.getMessage()) : message)
                    + (code == null ? "" : " (" + code + ")");
            if (s.isThrottlingException() || s.statusCode() >= 500) {
                return MongoLatestException.external("EMR " + what + " failed: " + detail, e);
            }
            return MongoLatestException.user("EMR " + what + " refused: " + detail, e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return MongoLatestException.external("EMR " + what + ": no answer in time", e);
        }
        return MongoLatestException.external("EMR " + what + " failed: " + oneLine(String.valueOf(e.getMessage())),
                e);
    }

    /** The whole text on one line: runs of white space, line ends included, become one space. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
