package io.mongolatest.pipeline.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import io.mongolatest.MongoLatestException;

/**
 * Reads pipeline.yaml strictly: every mistake (unknown key, duplicate or invalid step name, unknown
 * builtin, a step that is both or neither builtin and sql) is one error naming the file and line.
 */
public final class PipelineYaml {
    private static final Pattern DATA_PRODUCT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> TOP_KEYS = Set.of("data_product", "version", "description", "steps");
    private static final Set<String> STEP_KEYS = Set.of("name", "builtin", "sql", "on_failure", "always",
            "description");

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
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setAllowDuplicateKeys(false).setLabel(file).build())
                    .composeString(text).orElseThrow(() -> error(null, "is empty"));
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String line = m == null ? "" : ":" + (m.getLine() + 1);
            throw MongoLatestException.user(file + line + ": invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw MongoLatestException.user(file + ": invalid YAML: " + e.getMessage().replace('\n', ' '));
        }
        Map<String, Node> top = mapping(root, "the document", TOP_KEYS);
        String dataProduct = scalar(required(top, "data_product", root), "data_product");
        if (!DATA_PRODUCT.matcher(dataProduct).matches()) {
            throw error(top.get("data_product"), "data_product '" + dataProduct + "' must match " + DATA_PRODUCT);
        }
        String version = scalar(required(top, "version", root), "version");
        Node stepsNode = required(top, "steps", root);
        if (!(stepsNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(stepsNode, "steps must be a non-empty list");
        }
        List<StepDefinition> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : seq.getValue()) {
            StepDefinition step = step(n);
            if (!names.add(step.name())) {
                throw error(n, "duplicate step name '" + step.name() + "'");
            }
            steps.add(step);
        }
        return new PipelineDefinition(dataProduct, version, steps);
    }

    private StepDefinition step(Node n) {
        Map<String, Node> m = mapping(n, "a step", STEP_KEYS);
        Node nameNode = required(m, "name", n);
        String name = scalar(nameNode, "name");
        if (!StepDefinition.NAME.matcher(name).matches()) {
            throw error(nameNode, "invalid step name '" + name + "': use lower-case letters, digits and '-'");
        }
        boolean sql = m.containsKey("sql") && bool(m.get("sql"), "sql");
        String builtin = m.containsKey("builtin") ? scalar(m.get("builtin"), "builtin") : null;
        if (sql == (builtin != null)) {
            throw error(n, "step '" + name + "' needs exactly one of 'builtin: <kind>' or 'sql: true'");
        }
        if (builtin != null && !knownBuiltins.contains(builtin)) {
            throw error(m.get("builtin"), "step '" + name + "': unknown builtin '" + builtin + "' (known: "
                    + String.join(", ", new TreeSet<>(knownBuiltins)) + ")");
        }
        OnFailure onFailure = OnFailure.TERMINATE;
        if (m.containsKey("on_failure")) {
            String v = scalar(m.get("on_failure"), "on_failure");
            onFailure = switch (v) {
                case "terminate" -> OnFailure.TERMINATE;
                case "continue" -> OnFailure.CONTINUE;
                default -> throw error(m.get("on_failure"), "step '" + name + "': on_failure must be terminate or"
                        + " continue, not '" + v + "'");
            };
        }
        boolean always = m.containsKey("always") && bool(m.get("always"), "always");
        return new StepDefinition(name, builtin, onFailure, always);
    }

    private Map<String, Node> mapping(Node n, String what, Set<String> allowed) {
        if (!(n instanceof MappingNode mn)) {
            throw error(n, what + " must be a mapping of keys to values");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(t.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (expected one of "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        return out;
    }

    private Node required(Map<String, Node> m, String key, Node owner) {
        Node n = m.get(key);
        if (n == null) {
            throw error(owner, "missing '" + key + "'");
        }
        return n;
    }

    private String scalar(Node n, String key) {
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(n, "'" + key + "' must be a non-empty value");
        }
        return s.getValue().trim();
    }

    private boolean bool(Node n, String key) {
        String v = scalar(n, key);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(n, "'" + key + "' must be true or false, not '" + v + "'");
        };
    }

    private MongoLatestException error(Node n, String message) {
        Optional<Mark> mark = n == null ? Optional.empty() : n.getStartMark();
        String where = mark.map(m -> file + ":" + (m.getLine() + 1)).orElse(file);
        return MongoLatestException.user(where + ": " + message);
    }
}
