package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.mongolatest.latest.CollectionReport;
import io.mongolatest.latest.InputCounts;
import io.mongolatest.product.ReportJson;

/**
 * The detail the {@code build-latest} step leaves in the ledger: which snapshots it read and the input
 * accounting of every collection, with the totals.
 *
 * @param snapshots      the snapshots read, in order, as {@code full/<id>} or {@code incremental/<id>}
 * @param quarantine     where bad lines went, relative to the warehouse: {@code quarantine/<correlation id>}
 * @param badFraction    quarantined lines over non-blank lines, all collections together
 * @param droppedTables  tables of collections no longer in the input, dropped by this build
 * @param mode           {@code full} (every selected file read) or {@code delta} (only new snapshots, merged into
 *                       the state an earlier run kept); null in reports written before delta builds
 * @param modeReason     why, as the plan said
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BuildReport(List<String> snapshots, List<String> warnings, String quarantine, double maxBadFraction,
                          double badFraction, InputCounts totals, List<CollectionReport> collections,
                          List<String> droppedTables, String mode, String modeReason) {
    public BuildReport {
        snapshots = List.copyOf(snapshots);
        warnings = List.copyOf(warnings);
        requireNonNull(quarantine, "quarantine is null");
        requireNonNull(totals, "totals is null");
        collections = List.copyOf(collections);
        droppedTables = List.copyOf(droppedTables);
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    public static BuildReport fromJson(String json) {
        return ReportJson.read(json, BuildReport.class);
    }
}
