package io.mongolatest.pipeline.housekeeping;

import java.util.Map;

import io.mongolatest.pipeline.BuiltinStep;

/** The builtin steps any product may use around its own work. */
public final class Housekeeping {
    private Housekeeping() {
    }

    public static Map<String, BuiltinStep> builtins() {
        return Map.of(CourtesyFlush.KIND, new CourtesyFlush(), FlushPushgateway.KIND, new FlushPushgateway());
    }
}
