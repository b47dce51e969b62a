package io.mongolatest.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.mongolatest.MongoLatestException;
import io.mongolatest.yaml.YamlMapping;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults read from the {@code --config} YAML file. Keys are long option names without the dashes. A key
 * at the top applies to every command that has that option and to no other; a section named after a command
 * ({@code run:}, {@code query:}, {@code ledger: {init: ...}}) holds keys for that command and its subcommands only,
 * and wins over the top. Flags on the command line win over both. A key that no command (or no command of its
 * section) has is an error naming the file and the line.
 */
final class ConfigFileDefaults implements IDefaultValueProvider {
    static final String OPTION = "config";

    /** A value as written, and where: {@code config.yaml:3}. */
    record Value(String text, String where, boolean atTop) {
    }

    /** The keys of one level: the top of the file, or a command's section. */
    private record Section(Map<String, Value> values, Map<String, Section> commands) {
    }

    private final Section top;
    private final Map<ArgSpec, Value> served = new IdentityHashMap<>();

    private ConfigFileDefaults(Section top) {
        this.top = top;
    }

    /** The file named by {@code --config} in the arguments, read and checked against {@code root}'s commands. */
    static Optional<ConfigFileDefaults> fromArgs(String[] args, CommandLine root) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--" + OPTION) && i + 1 < args.length) {
                return Optional.of(load(Path.of(args[i + 1]), root));
            }
            if (args[i].startsWith("--" + OPTION + "=")) {
                return Optional.of(load(Path.of(args[i].substring(OPTION.length() + 3)), root));
            }
        }
        return Optional.empty();
    }

    static ConfigFileDefaults load(Path file, CommandLine root) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read config file " + file + ": " + e.getMessage());
        }
        String name = "config file " + file;
        return new ConfigFileDefaults(YamlMapping.document(name, text).map(doc -> section(doc, root, true))
                .orElse(new Section(Map.of(), Map.of())));
    }

    private static Section section(YamlMapping m, CommandLine cmd, boolean atTop) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Section> commands = new LinkedHashMap<>();
        Set<String> options = optionNames(cmd);
        String in = atTop ? "" : " in '" + cmd.getCommandSpec().name() + "'";
        for (String key : m.keys()) {
            CommandLine sub = cmd.getSubcommands().get(key);
            if (m.isMapping(key)) {
                if (sub == null) {
                    throw m.error(key, "unknown command '" + key + "'" + in + " (commands: "
                            + String.join(", ", new TreeSet<>(cmd.getSubcommands().keySet())) + ")");
                }
                commands.put(key, section(m.mapping(key), sub, false));
            } else if (key.equals(OPTION)) {
                throw m.error(key, "a config file cannot name another with '" + OPTION + "'");
            } else if (options.contains(key)) {
                values.put(key, new Value(m.value(key), m.where(key), atTop));
            } else if (sub != null) {
                throw m.error(key, "'" + key + "' is a command: its section must be a mapping of option names"
                        + " to values");
            } else {
                throw m.error(key, "unknown key '" + key + "'" + in + ": "
                        + (atTop ? "no command has an" : cmd.getCommandSpec().qualifiedName() + " has no")
                        + " option --" + key);
            }
        }
        return new Section(values, commands);
    }

    /** The options of {@code cmd} and of its subcommands, without the dashes; not --help and --version. */
    private static Set<String> optionNames(CommandLine cmd) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                names.add(key(o));
            }
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            names.addAll(optionNames(sub));
        }
        return names;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec o) || o.command() == null || OPTION.equals(key(o))) {
            return null;
        }
        Value v = lookup(path(o.command()), key(o));
        if (v == null) {
            return null;
        }
        served.put(argSpec, v);
        return v.text();
    }

    /** Where the default of {@code argSpec} came from, if it came from this file. */
    Optional<Value> origin(ArgSpec argSpec) {
        return Optional.ofNullable(served.get(argSpec));
    }

    /** The deepest section on the way to the command that has the key, else the top. */
    private Value lookup(List<String> path, String key) {
        Section s = top;
        Value found = s.values().get(key);
        for (String name : path) {
            s = s.commands().get(name);
            if (s == null) {
                break;
            }
            found = s.values().getOrDefault(key, found);
        }
        return found;
    }

    /** The command names from below the root down to {@code cmd}: {@code [ledger, init]}. */
    private static List<String> path(CommandSpec cmd) {
        List<String> names = new ArrayList<>();
        for (CommandSpec c = cmd; c.parent() != null; c = c.parent()) {
            names.add(0, c.name());
        }
        return names;
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }
}
