package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The id of the EMR cluster this process runs on, from the files EMR writes on every node: {@code jobFlowId} in
 * {@code /mnt/var/lib/info/job-flow.json}, else in one of the {@code extraInstanceData.json} copies (release 5.x
 * and later keep it under the instance controller too). Empty when none is there: not on EMR.
 */
public final class EmrInstanceMetadata {
    /** Tried in order, relative to the root. */
    static final List<String> FILES = List.of(
            "mnt/var/lib/info/job-flow.json",
            "mnt/var/lib/info/extraInstanceData.json",
            "emr/instance-controller/lib/info/extraInstanceData.json",
            "mnt/var/lib/instance-controller/extraInstanceData.json");
    private static final Pattern CLUSTER_ID = Pattern.compile("j-[0-9A-Z]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    /** @param root the file system root the EMR paths are under; {@code /} on a node, a folder in tests */
    public EmrInstanceMetadata(Path root) {
        this.root = requireNonNull(root, "root is null");
    }

    public static EmrInstanceMetadata ofThisNode() {
        return new EmrInstanceMetadata(Path.of("/"));
    }

    public Optional<String> clusterId() {
        for (String file : FILES) {
            Optional<String> id = jobFlowId(root.resolve(file));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** The file's {@code jobFlowId}; a missing, unreadable or odd file says nothing, and the next is tried. */
    private static Optional<String> jobFlowId(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode id = JSON.readTree(file.toFile()).path("jobFlowId");
            return id.isTextual() && CLUSTER_ID.matcher(id.asText()).matches() ? Optional.of(id.asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
