package io.mongolatest.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/**
 * The JSON of a RunJobFlow request, made by the SDK itself: the request goes through an EMR client whose HTTP
 * client only keeps the body it is handed, so what {@code launch --dry-run} prints is what a launch sends.
 */
public final class RunJobFlowJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunJobFlowJson() {
    }

    /** The body, byte for byte as the SDK puts it on the wire (compact AWS JSON 1.1). */
    public static String wire(RunJobFlowRequest request) {
        CapturingHttpClient http = new CapturingHttpClient();
        // Nothing leaves the process: the region and credentials only let the SDK build and sign the request.
        try (EmrClient client = EmrClient.builder().httpClient(http).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dry-run",
                        "dry-run")))
                .build()) {
            client.runJobFlow(request);
        }
        return http.body();
    }

    /** The wire JSON indented by two spaces with {@code \n} line ends, ending with one; same members in order. */
    public static String pretty(RunJobFlowRequest request) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER))
                .withArrayIndenter(indenter)
                .withObjectIndenter(indenter);
        try {
            return JSON.writer(printer).writeValueAsString(JSON.readTree(wire(request))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK wrote a RunJobFlow body that is not JSON", e);
        }
    }

    /** Keeps the one request body it receives and answers like EMR with an empty result. */
    private static final class CapturingHttpClient implements SdkHttpClient {
        private final AtomicReference<String> body = new AtomicReference<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    byte[] bytes = new byte[0];
                    if (request.contentStreamProvider().isPresent()) {
                        try (InputStream in = request.contentStreamProvider().get().newStream()) {
                            bytes = in.readAllBytes();
                        }
                    }
                    body.set(new String(bytes, StandardCharsets.UTF_8));
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.1").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(
                                    "{}".getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                    // Nothing is in flight.
                }
            };
        }

        String body() {
            String b = body.get();
            if (b == null) {
                throw new UncheckedIOException(new IOException("the SDK sent no RunJobFlow body"));
            }
            return b;
        }

        @Override
        public void close() {
            // Owns no connection.
        }
    }
}
