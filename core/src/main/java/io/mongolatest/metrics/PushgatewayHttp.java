package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Best-effort HTTP to one Pushgateway: bounded time per attempt, one retry, a warning instead of an exception,
 * and a failure budget after which it stops trying, so a down or hanging Pushgateway costs a run a few seconds.
 * One instance per run; not shared, since the budget belongs to the run.
 */
final class PushgatewayHttp {
    private static final Logger LOG = LoggerFactory.getLogger(PushgatewayHttp.class);
    /** Failed attempts in a row (timeout, refused, 5xx) after which nothing more is sent. */
    private static final int MAX_FAILURES_IN_A_ROW = 2;
    /** Failed attempts in all after which nothing more is sent: bounds a Pushgateway that keeps flapping. */
    private static final int MAX_FAILURES = 4;
    private static final int MAX_BODY_IN_LOG = 200;

    private final PushgatewaySettings settings;
    private final HttpClient client;
    private int failuresInARow;
    private int failures;
    private boolean gaveUp;

    /** With a TLS context of its own, e.g. one that trusts a test certificate; null for the JVM default. */
    PushgatewayHttp(PushgatewaySettings settings, SSLContext sslContext) {
        this.settings = requireNonNull(settings, "settings is null");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /**
     * Sends one request, retrying once on a timeout, a refused connection or a 5xx. Never throws.
     *
     * @param what what the request does, for the log, e.g. "push status FAILED of run X"
     */
    synchronized void send(String method, URI uri, String body, String what) {
        if (gaveUp) {
            LOG.debug("Pushgateway skipped ({}): it failed too often in this run", what);
            return;
        }
        try {
            sendWithRetry(request(method, uri, body), what);
        } catch (RuntimeException e) {
            // A bug here must not fail the run any more than a Pushgateway outage may.
            LOG.warn("Pushgateway {}: could not {}", settings.url(), what, e);
        }
    }

    private void sendWithRetry(HttpRequest request, String what) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            String failure;
            try {
                HttpResponse<String> response = exchange(request);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    failuresInARow = 0;
                    return;
                }
                if (status == 401 || status == 403) {
                    // Credentials do not get better by trying again: one warning, then nothing for this run.
                    gaveUp = true;
                    LOG.warn("Pushgateway {} refused the credentials to {}: HTTP {} {}", settings.url(), what, status,
                            shorten(response.body()));
                    LOG.warn("Pushgateway {} refused the credentials; no more metrics are pushed by this run"
                            + " (check --pushgateway-auth-file or the MONGO_LATEST_PUSHGATEWAY_* variables)",
                            settings.url());
                    return;
                }
                if (status < 500) {
                    failuresInARow = 0;
                    LOG.warn("Pushgateway {} refused to {}: HTTP {} {}", settings.url(), what, status,
                            shorten(response.body()));
                    return;
                }
                failure = "HTTP " + status + " " + shorten(response.body());
            } catch (IOException | TimeoutException e) {
                failure = e instanceof TimeoutException || e instanceof HttpTimeoutException
                        ? "no answer in time" : reason(e);
            }
            failuresInARow++;
            failures++;
            LOG.warn("Pushgateway {} failed to {} (attempt {} of 2): {}", settings.url(), what, attempt, failure);
            if (failuresInARow >= MAX_FAILURES_IN_A_ROW || failures >= MAX_FAILURES) {
                gaveUp = true;
                LOG.warn("Pushgateway {} failed {} times; no more metrics are pushed by this run", settings.url(),
                        failures);
                return;
            }
        }
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", PrometheusText.CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        settings.auth().ifPresent(auth -> builder.header("Authorization", auth.header()));
        return builder.build();
    }

    /**
     * Waits uninterruptibly, but never longer than the connect and request timeouts: a run being cancelled
     * (its thread interrupted) still gets its CANCELLED status out, and the interrupt stays set for the caller.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, TimeoutException {
        Duration bound = settings.connectTimeout().plus(settings.requestTimeout());
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof TimeoutException timeout) {
                throw timeout;
            }
            // Anything else (e.g. a malformed response) is still the Pushgateway's failure, not the run's.
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /** The exception and the first message in its causes: HttpClient's ConnectException has none of its own. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return e.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e instanceof ConnectException ? "could not connect (refused?)" : e.getClass().getSimpleName();
    }

    private static String shorten(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_BODY_IN_LOG ? line : line.substring(0, MAX_BODY_IN_LOG) + "…";
    }
}
