package io.mongolatest.pipeline.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.mongolatest.ShortHash;

/**
 * What a step's result depends on, as short hashes kept apart so that a plan can say which part
 * changed: its code (SQL text, or builtin kind and tool version), its parameters, the product version
 * and the input snapshot set. Stored in the ledger as {@code code=… params=… product=… input=…}.
 */
public record Fingerprint(String code, String params, String product, String input) {
    public Fingerprint {
        requireNonNull(code, "code is null");
        requireNonNull(params, "params is null");
        requireNonNull(product, "product is null");
        requireNonNull(input, "input is null");
    }

    public static Fingerprint of(String codeText, Map<String, String> params, String productVersion,
                                 String inputDigest) {
        return new Fingerprint(hash(codeText), hash(new TreeMap<>(params).toString()), productVersion,
                inputDigest);
    }

    public String format() {
        return "code=" + code + " params=" + params + " product=" + product + " input=" + input;
    }

    public static Optional<Fingerprint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> parts = new TreeMap<>();
        for (String p : text.trim().split(" ")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                parts.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        if (parts.size() != 4 || !parts.keySet().equals(new TreeMap<>(Map.of("code", "", "params", "",
                "product", "", "input", "")).keySet())) {
            return Optional.empty();
        }
        return Optional.of(new Fingerprint(parts.get("code"), parts.get("params"), parts.get("product"),
                parts.get("input")));
    }

    /** The parts that differ from {@code earlier}, named as a reader would: "SQL", "parameters", ... */
    public List<String> changesSince(Fingerprint earlier) {
        List<String> out = new ArrayList<>();
        if (!code.equals(earlier.code)) {
            out.add("code");
        }
        if (!params.equals(earlier.params)) {
            out.add("parameters");
        }
        if (!product.equals(earlier.product)) {
            out.add("product version");
        }
        if (!input.equals(earlier.input)) {
            out.add("input snapshots");
        }
        return out;
    }

    /** First 16 hex digits of SHA-256: enough to tell versions of one step apart. */
    public static String hash(String text) {
        return ShortHash.of(text);
    }
}
