package io.mongolatest.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.mongolatest.ExitCode;
import io.mongolatest.sizing.ClusterShape;
import io.mongolatest.sizing.ClusterSizing;
import io.mongolatest.sizing.EmrConfiguration;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.sizing.InstanceType;
import io.mongolatest.sizing.SizingRules;
import io.mongolatest.sizing.SizingText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints the YARN, Tez, Hive and Spark settings for an EMR cluster of a given instance type and size. */
@Command(name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Computes the EMR configurations (yarn-site, tez-site, hive-site, spark-defaults) "
                    + "for a cluster from its core instance type and node count.",
            "Rules and their sources: docs/sizing.md; --explain prints them with the values.",
            "",
            "Formats:",
            "  properties  (default) one line per setting, 'classification.key=value', e.g.",
            "              hive-site.hive.tez.container.size=7168",
            "              (a classification name has no dot); '#' lines are comments.",
            "  json        the EMR configurations list,",
            "              [{\"Classification\": ..., \"Properties\": {...}}], as taken by",
            "              'aws emr create-cluster --configurations file://FILE'.",
            "",
        },
        footer = {"", "Example: mongo-latest tune --instance-type m5.4xlarge --core-count 10 --explain"})
final class TuneCommand implements Callable<Integer> {
    enum Format { properties, json }

    @Mixin(name = "common")
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--instance-type", paramLabel = "TYPE",
            description = "Core node EC2 instance type, e.g. m5.4xlarge.")
    String instanceType;

    @Option(names = "--core-count", paramLabel = "N",
            description = "Number of core nodes, 1 to " + ClusterShape.MAX_CORE_NODES + ".")
    Integer coreCount;

    @Option(names = "--master-type", paramLabel = "TYPE",
            description = "Master node EC2 instance type; it hosts the Spark driver. "
                    + "Default: the core node type.")
    String masterType;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "properties",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--explain",
            description = "With the properties format: precede each setting with its rule and source, "
                    + "and list the sources at the end.")
    boolean explain;

    @Option(names = "--list-types", description = "List the known instance types with their vCPUs and memory.")
    boolean listTypes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstanceCatalog catalog = InstanceCatalog.bundled();
        if (listTypes) {
            catalog.all().forEach(t -> out.println(t.describe()));
            out.flush();
            return ExitCode.SUCCESS.code();
        }
        if (instanceType == null || coreCount == null) {
            throw new ParameterException(spec.commandLine(), "--instance-type and --core-count are required");
        }
        if (explain && format == Format.json) {
            throw new ParameterException(spec.commandLine(),
                    "--explain needs the properties format: the EMR JSON has no room for rules");
        }
        InstanceType core = catalog.require(instanceType, "instance type");
        InstanceType master = masterType == null ? core : catalog.require(masterType, "master instance type");
        ClusterSizing sizing = SizingRules.size(new ClusterShape(core, coreCount, master));
        out.print(format == Format.json ? EmrConfiguration.json(sizing) : SizingText.properties(sizing, explain));
        out.flush();
        return ExitCode.SUCCESS.code();
    }
}
