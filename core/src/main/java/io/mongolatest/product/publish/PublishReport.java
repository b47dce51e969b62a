package io.mongolatest.product.publish;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.mongolatest.product.ReportJson;

/**
 * The detail the {@code publish} step leaves in the ledger.
 *
 * @param unredacted rows per table or view published to {@code ucs_latest_unredacted}
 * @param redacted   columns per table or view published to {@code ucs_latest_redacted}
 * @param withheld   tables and views with no column classified {@code pii=false}, kept out of the redacted database
 * @param unknownClassification classification entries naming no table or column of the product
 * @param dropped    tables of the published databases whose source is gone, dropped
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublishReport(Map<String, Long> unredacted, Map<String, List<String>> redacted, List<String> withheld,
                            List<String> unknownClassification, List<String> dropped) {
    public PublishReport {
        unredacted = Collections.unmodifiableMap(new TreeMap<>(unredacted));
        redacted = Collections.unmodifiableMap(new TreeMap<>(redacted));
        withheld = List.copyOf(withheld);
        unknownClassification = List.copyOf(unknownClassification);
        dropped = List.copyOf(dropped);
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    public static PublishReport fromJson(String json) {
        return ReportJson.read(json, PublishReport.class);
    }
}
