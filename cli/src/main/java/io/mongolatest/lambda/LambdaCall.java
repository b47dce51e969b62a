package io.mongolatest.lambda;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mongolatest.ExitCode;
import io.mongolatest.cli.Cli;

/**
 * One command line run inside a Lambda invocation: the same code path as the terminal, its output returned as
 * the invocation's result. The function's settings come from its environment: {@code MONGO_LATEST_CONFIG}, a
 * YAML file of option defaults (see {@code --config}), and {@code MONGO_LATEST_STATE_DIR} (default
 * {@code /tmp/mongo-latest}: the only writable folder of a Lambda).
 */
final class LambdaCall {
    static final String CONFIG = "MONGO_LATEST_CONFIG";
    static final String STATE_DIR = "MONGO_LATEST_STATE_DIR";
    static final String DEFAULT_STATE_DIR = "/tmp/mongo-latest";

    private final Map<String, String> env;

    LambdaCall(Map<String, String> env) {
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
    }

    String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * Runs {@code command args…} with the function's config and state folder. Exit 0 and 3 (held by another
     * runner: nothing to do) are results; any other code fails the invocation with the command's error line, so
     * that Lambda counts it as an error and its retries and alarms apply.
     */
    Map<String, Object> run(String command, List<String> args) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(args);
        line.addAll(List.of("--state-dir", env.getOrDefault(STATE_DIR, DEFAULT_STATE_DIR)));
        if (env(CONFIG) != null) {
            line.addAll(List.of("--config", env(CONFIG)));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(line.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != ExitCode.SUCCESS.code() && code != ExitCode.HELD.code()) {
            throw new IllegalStateException("mongo-latest " + command + " exited " + code + ": "
                    + err.toString().strip());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ExitCode", code);
        result.put("Output", out.toString().strip());
        result.put("Errors", err.toString().strip());
        return result;
    }
}
