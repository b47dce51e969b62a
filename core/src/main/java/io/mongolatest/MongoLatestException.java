package io.mongolatest;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked root of the errors this tool raises on purpose. Its message is written for the
 * operator and is printed alone on one line; its kind maps to the exit code.
 */
public class MongoLatestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public MongoLatestException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public MongoLatestException(ErrorKind kind, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public static MongoLatestException user(String message) {
        return new MongoLatestException(ErrorKind.USER, message);
    }

    public static MongoLatestException user(String message, Throwable cause) {
        return new MongoLatestException(ErrorKind.USER, message, cause);
    }

    public static MongoLatestException external(String message, Throwable cause) {
        return new MongoLatestException(ErrorKind.EXTERNAL, message, cause);
    }

    public static MongoLatestException internal(String message, Throwable cause) {
        return new MongoLatestException(ErrorKind.INTERNAL, message, cause);
    }

    public ErrorKind kind() {
        return kind;
    }
}
