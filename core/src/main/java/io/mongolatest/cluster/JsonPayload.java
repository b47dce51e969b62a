package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;

/**
 * A JSON object handed to a handler (an EventBridge event, an SNS notification, a launcher payload), read with
 * one-line user errors that name where it came from.
 */
final class JsonPayload {
    /** Lambda payloads are at most 6 MB; anything larger is not one of ours. */
    static final int MAX_BYTES = 6 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String what;
    private final JsonNode node;

    private JsonPayload(String what, JsonNode node) {
        this.what = what;
        this.node = node;
    }

    /** @param what how to name the payload in errors, e.g. the file it was read from */
    static JsonPayload read(InputStream in, String what) {
        requireNonNull(in, "in is null");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read " + what + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw MongoLatestException.user(what + " is larger than " + MAX_BYTES + " bytes");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), what);
    }

    static JsonPayload parse(String text, String what) {
        requireNonNull(text, "text is null");
        requireNonNull(what, "what is null");
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw MongoLatestException.user(what + " is not JSON: " + EmrErrors.oneLine(e.getOriginalMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw MongoLatestException.user(what + " must be a JSON object");
        }
        return new JsonPayload(what, node);
    }

    /**
     * The payload an SNS notification carries ({@code Records[0].Sns.Message}, itself JSON text), or this
     * payload when it is not an SNS notification.
     */
    JsonPayload unwrapSns() {
        JsonNode records = node.get("Records");
        if (records == null) {
            return this;
        }
        JsonNode message = records.path(0).path("Sns").path("Message");
        if (!message.isTextual()) {
            throw MongoLatestException.user(what + " has Records but no Records[0].Sns.Message text: not an SNS"
                    + " notification");
        }
        return parse(message.asText(), "the SNS message in " + what);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** A scalar field as text; absent or null is empty. */
    Optional<String> text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw MongoLatestException.user(what + ": '" + field + "' must be a single value");
        }
        return Optional.of(v.asText());
    }

    String requiredText(String field) {
        return text(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> MongoLatestException.user(what + ": missing '" + field + "'"));
    }

    /** A nested object; absent is an error naming the field. */
    JsonPayload object(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw MongoLatestException.user(what + ": missing the object '" + field + "'");
        }
        return new JsonPayload(what + " " + field, v);
    }

    String what() {
        return what;
    }
}
