package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.yaml.YamlMapping;

/**
 * Reads a cluster profile strictly (docs/cluster.md lists every key): an unknown key, a value of the wrong type
 * or out of range, an unknown instance type or a classification of an application the cluster does not install
 * is one user error naming the file and line.
 */
public final class ClusterProfileYaml {
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9 _.:-]{1,256}");
    private static final Set<String> SCALE_DOWN = Set.of("TERMINATE_AT_TASK_COMPLETION",
            "TERMINATE_AT_INSTANCE_HOUR");
    /** Tags launch writes itself, from the run. */
    static final Set<String> RUN_TAGS = Set.of("Correlation_Id", "snapshot_type", "export_date");

    private final String file;
    private final InstanceCatalog catalog;

    /**
     * @param file    how to name the file in errors
     * @param catalog the instance types known to sizing: the profile's must be among them
     */
    public ClusterProfileYaml(String file, InstanceCatalog catalog) {
        this.file = requireNonNull(file, "file is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public ClusterProfile parse(String text) {
        YamlMapping top = YamlMapping.root(file, requireNonNull(text, "text is null"),
                Set.of("profile", "cluster", "instances", "steps", "bootstrap", "relaunch"),
                Set.of("description", "configurations"));
        String name = top.text("profile");
        if (!PROFILE_NAME.matcher(name).matches()) {
            throw top.error("profile", "profile name '" + name + "' must match " + PROFILE_NAME);
        }
        ClusterSettings cluster = cluster(top.mapping("cluster", Set.of("name", "release_label", "applications",
                "log_uri", "security_configuration", "service_role", "instance_profile", "ebs_root_volume_size_gb",
                "scale_down_behavior", "visible_to_all_users", "tags"), Set.of("custom_ami_id")));
        InstanceSettings instances = new InstancesYaml(catalog).parse(top.mapping("instances",
                Set.of("master", "core", "subnet_ids", "security_groups", "keep_alive_when_no_steps"), Set.of()));
        return new ClusterProfile(name, cluster, instances,
                steps(top.mapping("steps", Set.of("action_on_failure"), Set.of("action_on_failure_by_step"))),
                bootstrap(top.mapping("bootstrap", Set.of("install_script"), Set.of("actions"))),
                relaunch(top.mapping("relaunch", Set.of("max_retries"), Set.of("bootstrap_retries",
                        "no_retry_steps"))),
                configurations(top, cluster));
    }

    private ClusterSettings cluster(YamlMapping m) {
        String name = m.text("name");
        if (!CLUSTER_NAME.matcher(name).matches()) {
            throw m.error("name", "cluster name '" + name + "' must be 1 to 256 letters, digits, spaces or _.:-");
        }
        String release = m.text("release_label");
        if (!release.startsWith("emr-")) {
            throw m.error("release_label", "release_label '" + release + "' must be an EMR release such as"
                    + " emr-spark-8.0.0");
        }
        List<String> applications = m.strings("applications");
        if (!applications.contains(ClusterSettings.SPARK)) {
            throw m.error("applications", "applications must include " + ClusterSettings.SPARK
                    + ": every step runs spark-submit");
        }
        if (new LinkedHashSet<>(applications).size() != applications.size()) {
            throw m.error("applications", "an application is listed twice: " + applications);
        }
        Map<String, String> tags = m.stringMap("tags");
        for (String key : tags.keySet()) {
            if (RUN_TAGS.contains(key)) {
                throw m.error("tags", "tag '" + key + "' is written by launch from the run; remove it");
            }
        }
        return new ClusterSettings(name, release, applications, s3(m, "log_uri"), m.text("security_configuration"),
                m.text("service_role"), m.text("instance_profile"), m.optionalText("custom_ami_id"),
                m.integer("ebs_root_volume_size_gb", 10, 1000), m.choice("scale_down_behavior", SCALE_DOWN),
                m.bool("visible_to_all_users"), tags);
    }

    private StepFailurePolicy steps(YamlMapping m) {
        Map<String, StepFailureAction> byStep = new LinkedHashMap<>();
        m.stringMap("action_on_failure_by_step").forEach((step, action) -> {
            if (!StepDefinition.NAME.matcher(step).matches()) {
                throw m.error("action_on_failure_by_step", "'" + step + "' is not a step name");
            }
            byStep.put(step, action(m, "action_on_failure_by_step", action));
        });
        return new StepFailurePolicy(action(m, "action_on_failure", m.text("action_on_failure")), byStep);
    }

    private static StepFailureAction action(YamlMapping m, String key, String value) {
        for (StepFailureAction a : StepFailureAction.values()) {
            if (a.name().equals(value.trim())) {
                return a;
            }
        }
        throw m.error(key, "'" + key + "' must be TERMINATE_CLUSTER, CANCEL_AND_WAIT or CONTINUE, not '"
                + value + "'");
    }

    private BootstrapSettings bootstrap(YamlMapping m) {
        List<BootstrapSettings.Action> actions = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(Set.of(BootstrapSettings.INSTALL_ACTION));
        for (YamlMapping a : m.mappings("actions", "a bootstrap action", Set.of("name", "path"), Set.of("args"))) {
            String name = a.text("name");
            if (!names.add(name)) {
                throw a.error("name", "bootstrap action name '" + name + "' is used twice");
            }
            actions.add(new BootstrapSettings.Action(name, location(a, "path"), a.strings("args")));
        }
        if (actions.size() + 1 > BootstrapSettings.MAX_ACTIONS) {
            throw m.error("actions", "EMR runs at most " + BootstrapSettings.MAX_ACTIONS
                    + " bootstrap actions, the install one included");
        }
        return new BootstrapSettings(s3(m, "install_script"), actions);
    }

    private static RelaunchPolicy relaunch(YamlMapping m) {
        List<String> noRetry = m.strings("no_retry_steps");
        for (String step : noRetry) {
            if (!StepDefinition.NAME.matcher(step).matches()) {
                throw m.error("no_retry_steps", "'" + step + "' is not a step name");
            }
        }
        return new RelaunchPolicy(m.integer("max_retries", 0, 10), m.integer("bootstrap_retries", 0, 10, 1),
                new LinkedHashSet<>(noRetry));
    }

    private List<ProfileConfiguration> configurations(YamlMapping top, ClusterSettings cluster) {
        List<ProfileConfiguration> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (YamlMapping c : top.mappings("configurations", "a configuration", Set.of("classification"),
                Set.of("properties", "configurations"))) {
            String classification = c.text("classification");
            String application = Classifications.application(classification).orElseThrow(() -> c.error(
                    "classification", "unknown classification '" + classification + "' (known: "
                            + String.join(", ", new TreeSet<>(Classifications.names())) + ")"));
            if (!Classifications.applies(classification, cluster)) {
                throw c.error("classification", classification + " configures " + application + ", which this"
                        + " profile does not install (applications: " + String.join(", ", cluster.applications())
                        + "); EMR rejects a classification its release does not know");
            }
            if (!seen.add(classification)) {
                throw c.error("classification", "classification '" + classification + "' is given twice");
            }
            out.add(new ProfileConfiguration(classification, c.stringMap("properties"), exports(c)));
        }
        return out;
    }

    /** The nested {@code export} configuration of an {@code *-env} classification. */
    private static List<ProfileConfiguration> exports(YamlMapping c) {
        List<ProfileConfiguration> out = new ArrayList<>();
        for (YamlMapping n : c.mappings("configurations", "a nested configuration", Set.of("classification"),
                Set.of("properties"))) {
            String classification = n.text("classification");
            if (!classification.equals("export")) {
                throw n.error("classification", "nested configurations must be 'export', not '" + classification
                        + "'");
            }
            out.add(new ProfileConfiguration(classification, n.stringMap("properties"), List.of()));
        }
        return out;
    }

    static String s3(YamlMapping m, String key) {
        String v = m.text(key);
        if (!v.startsWith("s3://") || v.length() <= "s3://".length()) {
            throw m.error(key, "'" + key + "' must be an s3:// location, not '" + v + "'");
        }
        return v;
    }

    /** A bootstrap script: on S3, or already on the node ({@code file:/...}). */
    private static String location(YamlMapping m, String key) {
        String v = m.text(key);
        return v.startsWith("file:/") ? v : s3(m, key);
    }
}
