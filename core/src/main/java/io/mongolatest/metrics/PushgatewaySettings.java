package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.mongolatest.MongoLatestException;

/**
 * Where and how to reach the Pushgateway.
 *
 * @param url            base URL, http or https, without a trailing slash (a path is kept for route prefixes)
 * @param auth           basic auth credentials, if the Pushgateway asks for them
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param requestTimeout how long to wait for an answer once connected
 */
public record PushgatewaySettings(URI url, Optional<BasicAuth> auth, Duration connectTimeout, Duration requestTimeout) {
    public static final String USER_ENV = "MONGO_LATEST_PUSHGATEWAY_USER";
    public static final String PASSWORD_ENV = "MONGO_LATEST_PUSHGATEWAY_PASSWORD";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    public PushgatewaySettings {
        requireNonNull(url, "url is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Settings for a URL without credentials and with the default timeouts. */
    public static PushgatewaySettings of(String url) {
        return new PushgatewaySettings(parseUrl(url), Optional.empty(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * Settings from what the operator gave: the {@code --pushgateway} URL, the {@code --pushgateway-auth-file}
     * (one line {@code user:password}) or else the credentials in the environment, and the default timeouts.
     *
     * @param authFile    the auth file, or null; it wins over the environment
     * @param environment usually {@code System.getenv()}
     * @throws MongoLatestException a user error with one line saying what is wrong
     */
    public static PushgatewaySettings from(String url, Path authFile, Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        URI base = parseUrl(url);
        Optional<BasicAuth> auth = authFile != null ? Optional.of(readAuthFile(authFile)) : authFromEnvironment(environment);
        return new PushgatewaySettings(base, auth, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public PushgatewaySettings withTimeouts(Duration connect, Duration request) {
        return new PushgatewaySettings(url, auth, connect, request);
    }

    public PushgatewaySettings withAuth(BasicAuth basicAuth) {
        return new PushgatewaySettings(url, Optional.of(basicAuth), connectTimeout, requestTimeout);
    }

    /** The URL and whether basic auth is used; never the credentials. */
    public String describe() {
        return url + (auth.isPresent() ? " (basic auth)" : "");
    }

    @Override
    public String toString() {
        return "PushgatewaySettings[" + describe() + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + "]";
    }

    private static URI parseUrl(String url) {
        requireNonNull(url, "url is null");
        // A URL with '@' may carry a password: say what is wrong without echoing it.
        String shown = url.indexOf('@') >= 0 ? "(value hidden: it contains '@')" : "'" + url + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw MongoLatestException.user("--pushgateway " + shown + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null) {
            throw MongoLatestException.user("--pushgateway " + shown + " must look like http://HOST:PORT or https://HOST:PORT");
        }
        if (uri.getRawUserInfo() != null) {
            throw MongoLatestException.user("--pushgateway must not hold credentials; use " + USER_ENV + " and "
                    + PASSWORD_ENV + " or --pushgateway-auth-file");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw MongoLatestException.user("--pushgateway " + shown + " must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static BasicAuth readAuthFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw MongoLatestException.user("cannot read --pushgateway-auth-file " + file + ": " + e);
        }
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        int colon = lines.size() == 1 ? lines.get(0).indexOf(':') : -1;
        if (colon <= 0) {
            // The content is not echoed: it may be a password.
            throw MongoLatestException.user("--pushgateway-auth-file " + file
                    + " must hold one line user:password (a non-empty user without ':')");
        }
        String line = lines.get(0);
        return new BasicAuth(line.substring(0, colon), line.substring(colon + 1));
    }

    private static Optional<BasicAuth> authFromEnvironment(Map<String, String> environment) {
        String user = nonBlank(environment.get(USER_ENV));
        String password = nonBlank(environment.get(PASSWORD_ENV));
        if (user == null && password == null) {
            return Optional.empty();
        }
        if (user == null || password == null) {
            throw MongoLatestException.user("set both " + USER_ENV + " and " + PASSWORD_ENV + ", or neither");
        }
        if (user.indexOf(':') >= 0) {
            throw MongoLatestException.user(USER_ENV + " must not contain ':'");
        }
        return Optional.of(new BasicAuth(user, password));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
