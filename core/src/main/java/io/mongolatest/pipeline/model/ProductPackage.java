package io.mongolatest.pipeline.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.ProductLogic;
import io.mongolatest.pipeline.sql.SqlScript;
import io.mongolatest.pipeline.sql.SqlTemplate;

/**
 * A validated product package: the pipeline, the SQL of its SQL steps in run order, its redaction
 * classification.
 *
 * @param origin         where it was read from, for messages
 * @param scripts        per SQL step, its {@code .sql} files in lexical order
 * @param classification the text of classification.csv, empty when absent
 */
public record ProductPackage(String origin, PipelineDefinition pipeline, Map<String, List<SqlScript>> scripts,
                             String classification) {
    private static final String STEPS = "steps/";

    public ProductPackage {
        requireNonNull(origin, "origin is null");
        requireNonNull(pipeline, "pipeline is null");
        Map<String, List<SqlScript>> copy = new LinkedHashMap<>();
        scripts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        scripts = Collections.unmodifiableMap(copy);
        requireNonNull(classification, "classification is null");
    }

    /** Parses and checks a package of a product without placeholders of its own. */
    public static ProductPackage load(ProductFiles files, Set<String> builtins) {
        return load(files, builtins, Set.of());
    }

    /** Parses and checks a package of {@code logic}'s product: its builtin kinds and placeholders. */
    public static ProductPackage load(ProductFiles files, ProductLogic logic) {
        return load(files, logic.builtins().keySet(), logic.placeholders());
    }

    /**
     * Parses and checks a package; {@code builtins} are the builtin kinds this tool provides, {@code placeholders}
     * the product's own placeholder names.
     */
    public static ProductPackage load(ProductFiles files, Set<String> builtins, Set<String> placeholders) {
        String yaml = files.text("pipeline.yaml");
        String name = files.origin() + "/pipeline.yaml";
        if (yaml == null) {
            throw MongoLatestException.user(name + ": missing");
        }
        PipelineDefinition pipeline = new PipelineYaml(name, builtins).parse(yaml);
        Map<String, List<SqlScript>> scripts = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
            String path = e.getKey();
            if (!path.startsWith(STEPS)) {
                continue;
            }
            String[] parts = path.substring(STEPS.length()).split("/");
            if (parts.length != 2 || !parts[1].endsWith(".sql")) {
                throw MongoLatestException.user(files.origin() + "/" + path
                        + ": unexpected file; SQL goes in steps/<step-name>/<file>.sql");
            }
            String step = parts[0];
            StepDefinition def = pipeline.indexOf(step).map(i -> pipeline.steps().get(i)).orElseThrow(() ->
                    MongoLatestException.user(files.origin() + "/" + path + ": no step '" + step
                            + "' in pipeline.yaml"));
            if (!def.isSql()) {
                throw MongoLatestException.user(files.origin() + "/" + path + ": step '" + step
                        + "' is builtin:" + def.builtin() + ", not a SQL step");
            }
            SqlScript script = new SqlScript(path, files.text(path));
            SqlTemplate.check(script, placeholders);
            scripts.computeIfAbsent(step, k -> new ArrayList<>()).add(script); // files are sorted: lexical order
        }
        for (StepDefinition s : pipeline.steps()) {
            if (s.isSql() && !scripts.containsKey(s.name())) {
                throw MongoLatestException.user(files.origin() + ": SQL step '" + s.name()
                        + "' has no steps/" + s.name() + "/*.sql files");
            }
        }
        String classification = files.text("classification.csv");
        return new ProductPackage(files.origin(), pipeline, scripts, classification == null ? "" : classification);
    }

    public List<SqlScript> scriptsOf(String step) {
        return scripts.getOrDefault(step, List.of());
    }
}
