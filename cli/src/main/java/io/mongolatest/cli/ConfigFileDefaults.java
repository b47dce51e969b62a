package io.mongolatest.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import io.mongolatest.MongoLatestException;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults read from the {@code --config} YAML file: a flat map whose keys are long option names
 * without the leading dashes ({@code pushgateway: http://...}). Flags on the command line win.
 */
final class ConfigFileDefaults implements IDefaultValueProvider {
    private final Path file;
    private final Map<String, String> values;

    private ConfigFileDefaults(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** The file named by {@code --config} in the arguments, loaded, or null when there is none. */
    static ConfigFileDefaults fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return load(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return load(Path.of(args[i].substring("--config=".length())));
            }
        }
        return null;
    }

    static ConfigFileDefaults load(Path file) {
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromReader(r);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read config file " + file + ": " + e.getMessage());
        } catch (YamlEngineException e) {
            throw MongoLatestException.user("config file " + file + " is not valid YAML: "
                    + e.getMessage().replace('\n', ' '));
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (doc == null) {
            return new ConfigFileDefaults(file, values);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw MongoLatestException.user("config file " + file + " must be a map of option names to values");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw MongoLatestException.user("config file " + file + ": '" + key + "' must be a single value");
            }
            values.put(key, v == null ? null : String.valueOf(v));
        }
        return new ConfigFileDefaults(file, values);
    }

    /** Rejects keys that name no option of any command, so that a typo is not silently ignored. */
    void checkKeys(CommandLine root) {
        Set<String> known = new TreeSet<>();
        collect(root, known);
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw MongoLatestException.user("config file " + file + ": unknown key '" + key + "'");
            }
        }
    }

    private static void collect(CommandLine cl, Set<String> names) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            names.add(o.longestName().replaceFirst("^-+", ""));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, names);
        }
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec o && !"config".equals(key(o))) {
            CommandSpec cmd = o.command();
            if (cmd != null) {
                return values.get(key(o));
            }
        }
        return null;
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }
}
