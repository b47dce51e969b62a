package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mongolatest.ledger.ClusterRunner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.exec.AbandonRun;

/**
 * {@code stop} for clusters: every active cluster named {@code mongo-latest} (every page of ListClusters),
 * or only the one holding a run, is terminated, and the run it held is recorded FAILED (cancelled) at its
 * current step, so that a relaunch resumes there (SPEC §10).
 */
public final class StopClusters {
    public static final String NAME = "mongo-latest";

    private StopClusters() {
    }

    /**
     * @param run the correlation id of the run it held, when the ledger says
     */
    public record Terminated(String clusterId, Optional<String> run, boolean runRecorded) {
        public Terminated {
            requireNonNull(clusterId, "clusterId is null");
            requireNonNull(run, "run is null");
        }
    }

    /** @param onlyId stop only the cluster of this correlation id, or null for every one */
    public static List<Terminated> stop(EmrClusters emr, RunLedger ledger, String dataProduct, String onlyId,
                                        Instant now) {
        List<LedgerRow> rows = ledger.list(dataProduct);
        List<String> ids = new ArrayList<>();
        for (ClusterInfo c : emr.active(NAME)) {
            Optional<LedgerRow> held = heldBy(rows, c.id());
            if (onlyId == null || held.map(r -> r.key().correlationId().equals(onlyId)).orElse(false)) {
                ids.add(c.id());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        emr.terminate(ids);
        List<Terminated> out = new ArrayList<>();
        for (String id : ids) {
            Optional<LedgerRow> held = heldBy(rows, id);
            boolean recorded = held.flatMap(r -> AbandonRun.abandon(ledger, r, new ClusterRunner(id).owner(),
                    "its cluster " + id + " was stopped", now)).isPresent();
            out.add(new Terminated(id, held.map(r -> r.key().correlationId()), recorded));
        }
        return out;
    }

    /** The row whose lease or {@code Cluster_Id} names the cluster. */
    public static Optional<LedgerRow> heldBy(List<LedgerRow> rows, String clusterId) {
        String owner = new ClusterRunner(clusterId).owner();
        return rows.stream().filter(r -> r.lease() != null && owner.equals(r.lease().owner())
                || clusterId.equals(r.clusterId())).findFirst();
    }
}
