package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import io.mongolatest.sizing.Setting;

/**
 * Where a configuration value sent to EMR came from: the profile, or the sizing rules, or the profile over a
 * computed value (which is kept, so that an explanation can show what the profile replaced), or what the tool
 * itself needs on every cluster ({@code required}: why).
 */
public record PropertyOrigin(boolean fromProfile, Optional<Setting> computed, Optional<String> required) {
    public PropertyOrigin {
        requireNonNull(computed, "computed is null");
        requireNonNull(required, "required is null");
        if (!fromProfile && computed.isEmpty() && required.isEmpty()) {
            throw new IllegalArgumentException("a value comes from the profile, from sizing or from the tool's needs");
        }
    }

    public static PropertyOrigin profile() {
        return new PropertyOrigin(true, Optional.empty(), Optional.empty());
    }

    public static PropertyOrigin computed(Setting setting) {
        return new PropertyOrigin(false, Optional.of(setting), Optional.empty());
    }

    public static PropertyOrigin profileOver(Setting setting) {
        return new PropertyOrigin(true, Optional.of(setting), Optional.empty());
    }

    public static PropertyOrigin required(String why) {
        return new PropertyOrigin(false, Optional.empty(), Optional.of(why));
    }

    /** "from profile", "from profile (computed 57344: ...)" or "computed: ... [hdp-memory]". */
    public String explain() {
        if (required.isPresent()) {
            return "required: " + required.get();
        }
        if (!fromProfile) {
            Setting s = computed.orElseThrow();
            return "computed: " + s.rule() + " [" + s.source().tag() + "]";
        }
        return computed.map(s -> "from profile (instead of the computed " + s.value() + ": " + s.rule() + ")")
                .orElse("from profile");
    }
}
