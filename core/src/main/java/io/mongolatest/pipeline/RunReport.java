package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ledger.Attempt;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.StepRecord;

/**
 * What a run did, from its ledger row: identity, outcome, each step with its times, rows, error and
 * details (such as the build's input accounting), and the earlier attempts. Field names follow the
 * ledger's attribute names.
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunReport(
        @JsonProperty("Correlation_Id") String correlationId,
        @JsonProperty("DataProduct") String dataProduct,
        @JsonProperty("Run_Id") long runId,
        @JsonProperty("Status") String status,
        @JsonProperty("CurrentStep") String currentStep,
        @JsonProperty("Cluster_Id") String clusterId,
        @JsonProperty("Date") String exportDate,
        @JsonProperty("Snapshot_Type") String snapshotType,
        @JsonProperty("S3_Prefix_Snapshots") String input,
        @JsonProperty("S3_Prefix_Analytical_DataSet") String output,
        @JsonProperty("Started_At") String startedAt,
        @JsonProperty("Updated_At") String updatedAt,
        @JsonProperty("Steps") List<Step> steps,
        @JsonProperty("Attempts") List<AttemptSummary> attempts) {

    public RunReport {
        requireNonNull(correlationId, "correlationId is null");
        steps = List.copyOf(steps);
        attempts = List.copyOf(attempts);
    }

    /** One step of the reported attempt; {@code detail} is the step's own JSON document, if any. */
    @JsonPropertyOrder(alphabetic = false)
    public record Step(
            @JsonProperty("Name") String name,
            @JsonProperty("Status") String status,
            @JsonProperty("Started_At") String startedAt,
            @JsonProperty("Ended_At") String endedAt,
            @JsonProperty("Duration_Seconds") Double durationSeconds,
            @JsonProperty("Rows") Long rows,
            @JsonProperty("Error") String error,
            @JsonProperty("Detail") JsonNode detail) {
    }

    @JsonPropertyOrder(alphabetic = false)
    public record AttemptSummary(
            @JsonProperty("Run_Id") long runId,
            @JsonProperty("Status") String status,
            @JsonProperty("CurrentStep") String currentStep,
            @JsonProperty("Cluster_Id") String clusterId,
            @JsonProperty("Started_At") String startedAt,
            @JsonProperty("Ended_At") String endedAt,
            @JsonProperty("Steps") List<Step> steps) {
    }

    public static RunReport of(LedgerRow row) {
        ObjectMapper mapper = new ObjectMapper();
        return new RunReport(row.key().correlationId(), row.key().dataProduct(), row.runId(), row.status().name(),
                row.currentStep(), row.clusterId(), row.date(), row.snapshotType(), row.snapshotsPrefix(),
                row.outputPrefix(), text(row.startedAt()), text(row.updatedAt()),
                row.steps().stream().map(s -> step(s, mapper)).toList(),
                row.attempts().stream().map(a -> attempt(a, mapper)).toList());
    }

    private static AttemptSummary attempt(Attempt a, ObjectMapper mapper) {
        return new AttemptSummary(a.runId(), a.status().name(), a.currentStep(), a.clusterId(), text(a.startedAt()),
                text(a.endedAt()), a.steps().stream().map(s -> step(s, mapper)).toList());
    }

    private static Step step(StepRecord s, ObjectMapper mapper) {
        Duration d = s.duration();
        return new Step(s.name(), s.status().name(), text(s.startedAt()), text(s.endedAt()),
                d == null ? null : d.toMillis() / 1000.0, s.rows(), s.error(), detail(s.detail(), mapper));
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static JsonNode detail(String json, ObjectMapper mapper) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
