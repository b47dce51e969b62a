package io.mongolatest.yaml;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import io.mongolatest.MongoLatestException;

/**
 * One YAML mapping read strictly: only the allowed keys, each at most once, values of the expected type.
 * Every mistake is a user error naming the file and the line, so that a file is fixed in one look. The one
 * way this tool reads YAML: product packages, cluster profiles and config files.
 */
public final class YamlMapping {
    /** Far deeper than any file of this tool nests, far shallower than what would overflow the stack. */
    private static final int MAX_DEPTH = 50;
    /** Aliases of lists and mappings: a handful is a shared setting, more is a "billion laughs" bomb. */
    private static final int MAX_COLLECTION_ALIASES = 50;

    private final String file;
    private final Node owner;
    private final Map<String, Node> values;

    private YamlMapping(String file, Node owner, Map<String, Node> values) {
        this.file = file;
        this.owner = owner;
        this.values = values;
    }

    /** The document's root mapping; {@code required} keys must be there, {@code optional} ones may. */
    public static YamlMapping root(String file, String text, Set<String> required, Set<String> optional) {
        Node root = compose(file, text).orElseThrow(() -> MongoLatestException.user(file + ": is empty"));
        return of(file, root, "the document", required, optional);
    }

    /**
     * The document's root mapping with any keys (each at most once), for a caller that checks them itself;
     * empty when the text holds no document (nothing, or only comments).
     */
    public static Optional<YamlMapping> document(String file, String text) {
        return compose(file, text).map(root -> of(file, root, "the document", null, Set.of()));
    }

    private static Optional<Node> compose(String file, String text) {
        requireNonNull(file, "file is null");
        requireNonNull(text, "text is null");
        try {
            LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setLabel(file)
                    .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES).setAllowRecursiveKeys(false).build();
            Parser parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), file,
                    MAX_DEPTH);
            return new Composer(settings, parser).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String line = m == null ? "" : ":" + (m.getLine() + 1);
            throw MongoLatestException.user(file + line + ": invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw MongoLatestException.user(file + ": invalid YAML: " + e.getMessage().replace('\n', ' '));
        }
    }

    /** {@code required == null}: any keys. */
    private static YamlMapping of(String file, Node n, String what, Set<String> required, Set<String> optional) {
        if (!(n instanceof MappingNode mn)) {
            throw error(file, n, what + " must be a mapping of keys to values");
        }
        Set<String> allowed = null;
        if (required != null) {
            allowed = new TreeSet<>(required);
            allowed.addAll(optional);
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(file, t.getKeyNode(), "key");
            if (allowed != null && !allowed.contains(key)) {
                throw error(file, t.getKeyNode(), "unknown key '" + key + "' in " + what + " (expected one of "
                        + String.join(", ", allowed) + ")");
            }
            if (values.put(key, t.getValueNode()) != null) {
                throw error(file, t.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        for (String key : required == null ? Set.<String>of() : new TreeSet<>(required)) {
            if (!values.containsKey(key)) {
                throw error(file, n, what + ": missing '" + key + "'");
            }
        }
        return new YamlMapping(file, n, values);
    }

    /** The keys, in file order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean isMapping(String key) {
        return has(key) && node(key) instanceof MappingNode;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The nested mapping under {@code key}. */
    public YamlMapping mapping(String key, Set<String> required, Set<String> optional) {
        return of(file, node(key), "'" + key + "'", required, optional);
    }

    /** The nested mapping under {@code key}, with any keys (each at most once). */
    public YamlMapping mapping(String key) {
        return of(file, node(key), "'" + key + "'", null, Set.of());
    }

    /** A single value as written, possibly empty; a list or a mapping is an error. */
    public String value(String key) {
        Node n = node(key);
        if (!(n instanceof ScalarNode s)) {
            throw error(file, n, "'" + key + "' must be a single value");
        }
        return s.getValue();
    }

    public String text(String key) {
        return scalar(file, node(key), key);
    }

    public Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    public int integer(String key, int min, int max) {
        String v = text(key);
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw error(key, "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    public int integer(String key, int min, int max, int absent) {
        return has(key) ? integer(key, min, max) : absent;
    }

    public boolean bool(String key) {
        String v = text(key);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "'" + key + "' must be true or false, not '" + v + "'");
        };
    }

    /** One of {@code allowed}, as written. */
    public String choice(String key, Set<String> allowed) {
        String v = text(key);
        if (!allowed.contains(v)) {
            throw error(key, "'" + key + "' must be one of " + String.join(", ", new TreeSet<>(allowed))
                    + ", not '" + v + "'");
        }
        return v;
    }

    /** A list of non-empty scalars; absent is an empty list. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Node n : list(key)) {
            out.add(scalar(file, n, key + " item"));
        }
        return Collections.unmodifiableList(out);
    }

    /** A list of mappings under {@code key}; absent is an empty list. */
    public List<YamlMapping> mappings(String key, String what, Set<String> required, Set<String> optional) {
        List<YamlMapping> out = new ArrayList<>();
        for (Node n : list(key)) {
            out.add(of(file, n, what, required, optional));
        }
        return out;
    }

    /** A mapping of scalar keys to scalar values, in file order; absent is empty. Values may be empty. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(key)) {
            return out;
        }
        Node n = node(key);
        if (!(n instanceof MappingNode mn)) {
            throw error(file, n, "'" + key + "' must be a mapping of names to values");
        }
        for (NodeTuple t : mn.getValue()) {
            String name = scalar(file, t.getKeyNode(), key + " name");
            if (!(t.getValueNode() instanceof ScalarNode value)) {
                throw error(file, t.getValueNode(), "'" + key + "." + name + "' must be a single value");
            }
            if (out.put(name, value.getValue()) != null) {
                throw error(file, t.getKeyNode(), "duplicate name '" + name + "' in '" + key + "'");
            }
        }
        return out;
    }

    /** A user error pointing at this mapping. */
    public MongoLatestException error(String message) {
        return error(file, owner, message);
    }

    /** A user error pointing at the value of {@code key}, or at this mapping when the key is absent. */
    public MongoLatestException error(String key, String message) {
        return error(file, values.getOrDefault(key, owner), message);
    }

    private List<Node> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node n = node(key);
        if (!(n instanceof SequenceNode seq)) {
            throw error(file, n, "'" + key + "' must be a list");
        }
        return seq.getValue();
    }

    private Node node(String key) {
        Node n = values.get(key);
        if (n == null) {
            throw new IllegalStateException("no key " + key + " checked before use");
        }
        return n;
    }

    private static String scalar(String file, Node n, String key) {
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(file, n, "'" + key + "' must be a non-empty value");
        }
        return s.getValue().trim();
    }

    private static MongoLatestException error(String file, Node n, String message) {
        return MongoLatestException.user(where(file, n) + ": " + message);
    }

    /** Where the value of {@code key} is, {@code file:line}: for a caller that reports a problem later. */
    public String where(String key) {
        return where(file, values.getOrDefault(key, owner));
    }

    private static String where(String file, Node n) {
        Optional<Mark> mark = n == null ? Optional.empty() : n.getStartMark();
        return mark.map(m -> file + ":" + (m.getLine() + 1)).orElse(file);
    }
}
