package io.mongolatest.pipeline.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.mongolatest.yaml.YamlMapping;

/**
 * Reads pipeline.yaml strictly: every mistake (unknown key, duplicate or invalid step name, unknown
 * builtin, a step that is both or neither builtin and sql) is one error naming the file and line.
 */
public final class PipelineYaml {
    private static final Pattern DATA_PRODUCT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> TOP_KEYS = Set.of("data_product", "version", "steps");
    private static final Set<String> STEP_KEYS = Set.of("builtin", "sql", "on_failure", "always", "description");

    private final String file;
    private final Set<String> knownBuiltins;

    /**
     * @param file          how to name the file in errors, e.g. {@code /path/product/pipeline.yaml}
     * @param knownBuiltins the builtin kinds this build of the tool provides
     */
    public PipelineYaml(String file, Set<String> knownBuiltins) {
        this.file = requireNonNull(file, "file is null");
        this.knownBuiltins = Set.copyOf(knownBuiltins);
    }

    public PipelineDefinition parse(String text) {
        YamlMapping top = YamlMapping.root(file, text, TOP_KEYS, Set.of("description"));
        String dataProduct = top.text("data_product");
        if (!DATA_PRODUCT.matcher(dataProduct).matches()) {
            throw top.error("data_product", "data_product '" + dataProduct + "' must match " + DATA_PRODUCT);
        }
        String version = top.text("version");
        List<YamlMapping> stepMappings = top.mappings("steps", "a step", Set.of("name"), STEP_KEYS);
        if (stepMappings.isEmpty()) {
            throw top.error("steps", "steps must be a non-empty list");
        }
        List<StepDefinition> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMapping m : stepMappings) {
            StepDefinition step = step(m);
            if (!names.add(step.name())) {
                throw m.error("duplicate step name '" + step.name() + "'");
            }
            steps.add(step);
        }
        return new PipelineDefinition(dataProduct, version, steps);
    }

    private StepDefinition step(YamlMapping m) {
        String name = m.text("name");
        if (!StepDefinition.NAME.matcher(name).matches()) {
            throw m.error("name", "invalid step name '" + name + "': use lower-case letters, digits and '-'");
        }
        boolean sql = m.has("sql") && m.bool("sql");
        String builtin = m.optionalText("builtin").orElse(null);
        if (sql == (builtin != null)) {
            throw m.error("step '" + name + "' needs exactly one of 'builtin: <kind>' or 'sql: true'");
        }
        if (builtin != null && !knownBuiltins.contains(builtin)) {
            throw m.error("builtin", "step '" + name + "': unknown builtin '" + builtin + "' (known: "
                    + String.join(", ", new TreeSet<>(knownBuiltins)) + ")");
        }
        OnFailure onFailure = OnFailure.TERMINATE;
        if (m.has("on_failure")) {
            String v = m.text("on_failure");
            onFailure = switch (v) {
                case "terminate" -> OnFailure.TERMINATE;
                case "continue" -> OnFailure.CONTINUE;
                default -> throw m.error("on_failure", "step '" + name + "': on_failure must be terminate or"
                        + " continue, not '" + v + "'");
            };
        }
        boolean always = m.has("always") && m.bool("always");
        return new StepDefinition(name, builtin, onFailure, always);
    }
}
