package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ObjectInfo;
import io.mongolatest.storage.s3.S3Objects;

/**
 * What EMR does with one RunJobFlow request, as far as the run can tell: the install bootstrap action fetches
 * the product package it names from S3 onto the node; then the steps run one at a time in order, each the
 * command line its {@code HadoopJarStep.Args} give after {@code spark-submit ... mongo-latest.jar}, on the
 * node's paths, with the cluster's id; a failed step's {@code ActionOnFailure} decides whether the cluster
 * goes on or terminates with errors. The steps run as commands of the test JVM on its one Spark (a real
 * cluster starts a driver per step): nothing but the ledger, S3 and the node's disk passes between them.
 */
final class SimulatedEmrCluster {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUBMIT = List.of("spark-submit", "--deploy-mode", "client", "--class",
            "io.mongolatest.cli.Main", "/opt/mongo-latest/mongo-latest.jar");
    private static final String INSTALLED_PRODUCT = "/opt/mongo-latest/product";

    /** How a step ended: its exit code, and what it printed. */
    record StepRun(String name, int exitCode, String err) {
    }

    /**
     * How the cluster ended, as its "EMR Cluster State Change" event says.
     *
     * @param state      {@code TERMINATED} or {@code TERMINATED_WITH_ERRORS}
     * @param reasonCode {@code ALL_STEPS_COMPLETED} or {@code STEP_FAILURE}
     */
    record Ended(String clusterId, String state, String reasonCode, List<StepRun> steps) {
        /** The event EventBridge delivers for this end, to {@code file}. */
        Path writeEvent(Path file) throws IOException {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("severity", state.equals("TERMINATED") ? "INFO" : "ERROR");
            detail.put("stateChangeReason", JSON.writeValueAsString(Map.of("code", reasonCode,
                    "message", reasonCode.equals("STEP_FAILURE") ? "Steps completed with errors" : "Steps completed")));
            detail.put("name", "mongo-latest");
            detail.put("clusterId", clusterId);
            detail.put("state", state);
            detail.put("message", "Amazon EMR Cluster " + clusterId + " (mongo-latest) has terminated");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", "0");
            event.put("detail-type", "EMR Cluster State Change");
            event.put("source", "aws.emr");
            event.put("detail", detail);
            Files.writeString(file, JSON.writeValueAsString(event));
            return file;
        }
    }

    private final String clusterId;
    private final JsonNode request;
    private final Path node;

    /** @param node the master node's disk: where the product is installed and the steps' state folder is */
    SimulatedEmrCluster(String clusterId, String runJobFlowBody, Path node) throws IOException {
        this.clusterId = clusterId;
        this.request = JSON.readTree(runJobFlowBody);
        this.node = node;
    }

    /** Bootstraps the node, then runs the steps as EMR would, with {@code extra} options (e.g. the master). */
    Ended run(S3Objects s3, String... extra) throws IOException {
        Path product = install(s3);
        List<StepRun> runs = new ArrayList<>();
        for (JsonNode step : request.path("Steps")) {
            List<String> args = commandLine(step, product);
            args.addAll(List.of("--cluster-id", clusterId, "--state-dir", node.resolve("state").toString()));
            args.addAll(List.of(extra));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            runs.add(new StepRun(step.path("Name").asText(), r.exitCode(), r.err()));
            if (r.exitCode() != 0 && !step.path("ActionOnFailure").asText().equals("CONTINUE")) {
                // TERMINATE_CLUSTER (and CANCEL_AND_WAIT, for the steps) : the later steps are cancelled.
                return new Ended(clusterId, "TERMINATED_WITH_ERRORS", "STEP_FAILURE", runs);
            }
        }
        boolean failed = runs.stream().anyMatch(r -> r.exitCode() != 0);
        return new Ended(clusterId, failed ? "TERMINATED_WITH_ERRORS" : "TERMINATED",
                failed ? "STEP_FAILURE" : "ALL_STEPS_COMPLETED", runs);
    }

    /** The install bootstrap action: the product folder its second argument names, copied onto the node. */
    private Path install(S3Objects s3) throws IOException {
        JsonNode install = request.path("BootstrapActions").get(0);
        assertThat(install.path("Name").asText()).isEqualTo("install-mongo-latest");
        String folder = install.path("ScriptBootstrapAction").path("Args").get(1).asText();
        assertThat(folder).endsWith("/");
        S3Location from = S3Location.parse(folder.substring(0, folder.length() - 1));
        Path to = node.resolve("opt/mongo-latest/product");
        for (S3ObjectInfo o : s3.list(from)) {
            Path file = to.resolve(o.keyBelow(from));
            Files.createDirectories(file.getParent());
            try (InputStream in = s3.open(o)) {
                Files.copy(in, file);
            }
        }
        assertThat(to.resolve("pipeline.yaml")).isRegularFile();
        return to;
    }

    /** The step's command line after spark-submit's own arguments, on the node's paths. */
    private static List<String> commandLine(JsonNode step, Path product) {
        JsonNode jar = step.path("HadoopJarStep");
        assertThat(jar.path("Jar").asText()).isEqualTo("command-runner.jar");
        List<String> args = new ArrayList<>();
        jar.path("Args").forEach(a -> args.add(a.asText()));
        assertThat(args.subList(0, SUBMIT.size())).isEqualTo(SUBMIT);
        List<String> line = new ArrayList<>(args.subList(SUBMIT.size(), args.size()));
        assertThat(line.subList(0, 2)).isEqualTo(List.of("step", step.path("Name").asText()));
        line.replaceAll(a -> a.equals(INSTALLED_PRODUCT) ? product.toString() : a);
        return line;
    }
}
