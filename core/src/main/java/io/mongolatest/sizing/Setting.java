package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

/** One computed property with the rule that produced it, so that every value can be explained. */
public record Setting(Classification classification, String key, String value, String rule, Source source) {
    public Setting {
        requireNonNull(classification, "classification is null");
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(source, "source is null");
        if (key.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("setting has a blank key or value: " + key + "=" + value);
        }
    }

    /** A setting whose rule is {@code String.format(ruleFormat, args)}. */
    static Setting of(Classification classification, String key, Object value, Source source,
            String ruleFormat, Object... args) {
        return new Setting(classification, key, String.valueOf(value), String.format(ruleFormat, args), source);
    }
}
