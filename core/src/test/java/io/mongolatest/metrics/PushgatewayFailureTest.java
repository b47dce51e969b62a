package io.mongolatest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * A Pushgateway that is down, hangs or errs never fails a run and costs it a few seconds at most: every
 * method returns normally, and after two failures in a row nothing more is sent.
 */
class PushgatewayFailureTest {
    private static final RunLabels RUN = new RunLabels("run-1", "full", "2024-03-01", "local");
    /** Generous: two attempts at the default 2 s timeouts take about 4 s. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(15);

    @Test
    void aClosedPortCostsAlmostNothing() throws IOException {
        // A socket bound but not listening holds the port, so every connection to it is refused.
        try (Socket bound = new Socket(); CapturedLog log = new CapturedLog(PushgatewayHttp.class)) {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Duration took = simulatedRun(metrics("http://127.0.0.1:" + bound.getLocalPort()));

            assertThat(took).isLessThan(RUN_BOUND);
            assertThat(log.warnings()).hasSize(3).last().asString().contains("no more metrics are pushed");
        }
    }

    @Test
    void aServerThatNeverAnswersCostsTwoTimeouts() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept()); // accepted, read from never, answered never
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
            try (CapturedLog log = new CapturedLog(PushgatewayHttp.class)) {
                Duration took = simulatedRun(metrics("http://127.0.0.1:" + server.getLocalPort()));

                assertThat(took).isLessThan(RUN_BOUND);
                assertThat(held).as("one attempt and its retry, then nothing").hasSize(2);
                assertThat(log.warnings()).hasSize(3).first().asString().contains("no answer in time");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void serverErrorsCountAsFailures() {
        assertThat(requestsOfARunAnsweredWith(n -> 503)).as("one call and its retry").isEqualTo(2);
    }

    @Test
    void aRecoveredFailureDoesNotStopPushing() {
        assertThat(requestsOfARunAnsweredWith(n -> n == 1 ? 500 : 200)).as("ten calls and one retry").isEqualTo(11);
    }

    @Test
    void aFlappingServerIsGivenUpAfterFourFailures() {
        assertThat(requestsOfARunAnsweredWith(n -> n % 2 == 1 ? 500 : 200))
                .as("three calls that recovered on retry, a fourth failure, then nothing").isEqualTo(7);
    }

    @Test
    void aRefusalIsLoggedNotRetriedAndNotCounted() {
        try (CapturedLog log = new CapturedLog(PushgatewayHttp.class)) {
            assertThat(requestsOfARunAnsweredWith(n -> 400)).as("every call, none retried").isEqualTo(10);
            assertThat(log.warnings()).hasSize(10).allMatch(w -> w.contains("HTTP 400 rejected"));
        }
    }

    /** The calls a run makes: courtesy flush, six steps, the final status and the flush. */
    private static Duration simulatedRun(StatusMetrics metrics) {
        long start = System.nanoTime();
        assertThatCode(() -> {
            metrics.deleteRunGroup(RUN);
            metrics.pushStatus(RUN, RunState.RUNNING);
            for (int i = 1; i <= 6; i++) {
                metrics.pushStep(RUN, new StepFigures("step-" + i, Duration.ofSeconds(i), 100L * i));
            }
            metrics.pushStatus(RUN, RunState.COMPLETED);
            metrics.deleteRunGroup(RUN);
        }).doesNotThrowAnyException();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static StatusMetrics metrics(String url) {
        return new PushgatewayMetrics(PushgatewaySettings.of(url));
    }

    /**
     * Runs {@link #simulatedRun} against a server on 127.0.0.1 that answers the n-th request (from 1) with the
     * given status, and returns how many requests reached it.
     */
    private static int requestsOfARunAnsweredWith(IntUnaryOperator statusOfRequest) {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = server(requests, statusOfRequest);
        try {
            assertThat(simulatedRun(metrics("http://127.0.0.1:" + server.getAddress().getPort())))
                    .isLessThan(RUN_BOUND);
            return requests.get();
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer server(AtomicInteger requests, IntUnaryOperator statusOfRequest) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "rejected".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(statusOfRequest.applyAsInt(requests.incrementAndGet()), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
