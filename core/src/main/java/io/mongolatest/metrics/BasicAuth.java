package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Pushgateway basic auth credentials. Neither part is ever written to a log or a description. */
public record BasicAuth(String user, String password) {
    public BasicAuth {
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        if (user.isEmpty() || user.indexOf(':') >= 0) {
            // Basic auth joins user and password with ':', so the user cannot hold one.
            throw new IllegalArgumentException("user must be non-empty and without ':'");
        }
    }

    /** The value of the {@code Authorization} header. */
    String header() {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[hidden]";
    }
}
