package io.mongolatest.pipeline;

import java.util.Map;

/**
 * What a product's runs are asked for beyond the generic parameters, as the product defines it: the values
 * of the ledger's {@code Date} and {@code Snapshot_Type} attributes (SPEC §6, also metric labels, §8) and
 * the SQL placeholders it adds to {@code correlation_id} and {@code warehouse}.
 */
public interface ProductArguments {

    /** The {@code Date} attribute: for Mongo Latest, the export date. */
    String date();

    /** The {@code Snapshot_Type} attribute. */
    String snapshotType();

    /** Placeholder values for the product's SQL, by name; they reach SQL only as quoted literals. */
    Map<String, String> placeholders();
}
