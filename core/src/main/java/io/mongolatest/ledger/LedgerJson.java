package io.mongolatest.ledger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;

/**
 * The JSON forms of ledger values: step and attempt lists (stored as text where the store has no
 * nested types) and whole rows with the attribute names of SPEC §6 (for {@code status --json}).
 */
public final class LedgerJson {
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    public String stepsToJson(List<StepRecord> steps) {
        return write(steps.stream().map(LedgerJson::stepMap).toList());
    }

    public List<StepRecord> stepsFromJson(String json) {
        List<StepRecord> out = new ArrayList<>();
        for (Map<String, Object> m : readList(json)) {
            out.add(stepFromMap(m));
        }
        return out;
    }

    public String attemptsToJson(List<Attempt> attempts) {
        return write(attempts.stream().map(LedgerJson::attemptMap).toList());
    }

    public List<Attempt> attemptsFromJson(String json) {
        List<Attempt> out = new ArrayList<>();
        for (Map<String, Object> m : readList(json)) {
            out.add(attemptFromMap(m));
        }
        return out;
    }

    /** A row as a map with the attribute names of SPEC §6, ours after the original's. */
    public static Map<String, Object> rowMap(LedgerRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Correlation_Id", r.key().correlationId());
        m.put("DataProduct", r.key().dataProduct());
        m.put("Date", r.date());
        m.put("Run_Id", r.runId());
        m.put("Status", r.status().name());
        m.put("CurrentStep", r.currentStep());
        m.put("Cluster_Id", r.clusterId());
        m.put("Snapshot_Type", r.snapshotType());
        m.put("S3_Prefix_Snapshots", r.snapshotsPrefix());
        m.put("S3_Prefix_Analytical_DataSet", r.outputPrefix());
        m.put("TimeToExist", r.timeToExist());
        m.put("Lease_Owner", r.lease() == null ? null : r.lease().owner());
        m.put("Lease_Expires", r.lease() == null ? null : r.lease().expiresAt().toString());
        m.put("Started_At", text(r.startedAt()));
        m.put("Updated_At", text(r.updatedAt()));
        m.put("Steps", r.steps().stream().map(LedgerJson::stepMap).toList());
        m.put("Attempts", r.attempts().stream().map(LedgerJson::attemptMap).toList());
        m.put("Plan", r.plan() == null ? null : planMap(r.plan()));
        m.put("Version", r.version());
        return m;
    }

    /**
     * The inverse of {@link #rowMap}, lenient as reading must be: attributes the original system never wrote
     * (version, lease, times, steps, attempts) may be absent, and {@code Lease_Expires} may be epoch millis.
     */
    public static LedgerRow rowFromMap(Map<String, ?> m) {
        RunKey key = new RunKey(text(m, "Correlation_Id"), text(m, "DataProduct"));
        String owner = (String) m.get("Lease_Owner");
        Instant leaseExpires = instantOrMillis(m.get("Lease_Expires"));
        Lease lease = owner == null || leaseExpires == null ? null : new Lease(owner, leaseExpires);
        List<StepRecord> steps = maps(m.get("Steps")).stream().map(LedgerJson::stepFromMap).toList();
        List<Attempt> attempts = maps(m.get("Attempts")).stream().map(LedgerJson::attemptFromMap).toList();
        @SuppressWarnings("unchecked")
        Map<String, ?> plan = (Map<String, ?>) m.get("Plan");
        return new LedgerRow(key, (String) m.get("Date"), longOrZero(m.get("Run_Id")),
                runStatus(key, m.get("Status")), (String) m.get("CurrentStep"), (String) m.get("Cluster_Id"),
                (String) m.get("Snapshot_Type"), (String) m.get("S3_Prefix_Snapshots"),
                (String) m.get("S3_Prefix_Analytical_DataSet"), longOrZero(m.get("TimeToExist")), lease,
                instant(m.get("Started_At")), instant(m.get("Updated_At")), steps, attempts,
                plan == null ? null : planFromMap(plan), longOrZero(m.get("Version")));
    }

    public static Map<String, Object> stepMap(StepRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", s.name());
        m.put("Status", s.status().name());
        m.put("Started_At", text(s.startedAt()));
        m.put("Ended_At", text(s.endedAt()));
        m.put("Rows", s.rows());
        m.put("Error", s.error());
        m.put("Fingerprint", s.fingerprint());
        m.put("Detail", s.detail());
        return m;
    }

    public static StepRecord stepFromMap(Map<String, ?> m) {
        return new StepRecord((String) m.get("Name"), StepStatus.valueOf((String) m.get("Status")),
                instant(m.get("Started_At")), instant(m.get("Ended_At")), number(m.get("Rows")),
                (String) m.get("Error"), (String) m.get("Fingerprint"), (String) m.get("Detail"));
    }

    public static Map<String, Object> planMap(RecordedPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Start", p.start());
        m.put("Resume_Step", p.resumeStep());
        m.put("Input_Digest", p.inputDigest());
        m.put("Steps", p.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("Name", s.name());
            step.put("Action", s.action());
            step.put("Reason", s.reason());
            step.put("Fingerprint", s.fingerprint());
            return step;
        }).toList());
        return m;
    }

    public static RecordedPlan planFromMap(Map<String, ?> m) {
        List<RecordedPlan.PlannedStep> steps = maps(m.get("Steps")).stream()
                .map(s -> new RecordedPlan.PlannedStep((String) s.get("Name"), (String) s.get("Action"),
                        (String) s.get("Reason"), (String) s.get("Fingerprint"))).toList();
        return new RecordedPlan((String) m.get("Start"), (String) m.get("Resume_Step"), (String) m.get("Input_Digest"),
                steps);
    }

    public String planToJson(RecordedPlan plan) {
        return plan == null ? null : write(planMap(plan));
    }

    public RecordedPlan planFromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return planFromMap(mapper.readValue(json, new TypeReference<Map<String, Object>>() {
            }));
        } catch (IOException e) {
            throw MongoLatestException.external("ledger holds an unreadable plan: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> attemptMap(Attempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Run_Id", a.runId());
        m.put("Status", a.status().name());
        m.put("CurrentStep", a.currentStep());
        m.put("Cluster_Id", a.clusterId());
        m.put("Started_At", text(a.startedAt()));
        m.put("Ended_At", text(a.endedAt()));
        m.put("Steps", a.steps().stream().map(LedgerJson::stepMap).toList());
        return m;
    }

    public static Attempt attemptFromMap(Map<String, ?> m) {
        List<StepRecord> steps = maps(m.get("Steps")).stream().map(LedgerJson::stepFromMap).toList();
        Long runId = number(m.get("Run_Id"));
        return new Attempt(runId == null ? 0 : runId, RunStatus.valueOf((String) m.get("Status")),
                (String) m.get("CurrentStep"), (String) m.get("Cluster_Id"), instant(m.get("Started_At")),
                instant(m.get("Ended_At")), steps);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw MongoLatestException.internal("cannot write ledger JSON", e);
        }
    }

    private List<Map<String, Object>> readList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return mapper.readValue(json, LIST_OF_MAPS);
        } catch (IOException e) {
            throw MongoLatestException.external("ledger holds unreadable JSON: " + e.getMessage(), e);
        }
    }

    // A list of maps, or none when absent (rows of the original system).
    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, ?>>) list;
    }

    private static String text(Map<String, ?> m, String name) {
        Object value = m.get(name);
        if (value == null) {
            throw MongoLatestException.external("the ledger holds a row without " + name, null);
        }
        return value.toString();
    }

    private static RunStatus runStatus(RunKey key, Object value) {
        try {
            return RunStatus.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw MongoLatestException.external("ledger row " + key + " has an unknown Status: " + value, e);
        }
    }

    private static long longOrZero(Object o) {
        Long n = number(o);
        return n == null ? 0 : n;
    }

    // Epoch millis as a number (or digits), else ISO text.
    private static Instant instantOrMillis(Object o) {
        if (o instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return o != null && o.toString().matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(o.toString()))
                : instant(o);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }

    private static Long number(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Number n ? n.longValue() : Long.parseLong(o.toString());
    }
}
