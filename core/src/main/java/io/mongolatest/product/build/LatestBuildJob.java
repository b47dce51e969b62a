package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.product.input.CollectionInput;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.StorageRoots;
import io.mongolatest.storage.TableVersion;

/**
 * What a build is asked to do: every collection of the input into a new version of its table, bad lines
 * into the quarantine folder, one file per table ({@code <quarantine>/<table>.jsonl}).
 *
 * @param roots      the input's and the warehouse's roots, for tasks that open {@code store} and {@code files} where
 *                   they run
 * @param versions   each collection's new table version, by table name (e.g. {@code core_contract})
 * @param quarantine the quarantine folder's path in {@code files}
 * @param scratch    a local folder for temporary files, deleted by the caller
 * @param done       told each collection's report as it is done, for progress
 */
public record LatestBuildJob(InputStore store, StorageRoots roots, List<CollectionInput> collections,
                             Map<String, TableVersion> versions, FileArea files, String quarantine, Path scratch,
                             Cancellation cancellation, Consumer<CollectionReport> done) {
    public LatestBuildJob {
        requireNonNull(store, "store is null");
        requireNonNull(roots, "roots is null");
        collections = List.copyOf(collections);
        versions = Map.copyOf(versions);
        requireNonNull(files, "files is null");
        requireNonNull(quarantine, "quarantine is null");
        requireNonNull(scratch, "scratch is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(done, "done is null");
    }

    /** {@code <quarantine>/<table>.jsonl}. */
    public String quarantineFile(CollectionInput collection) {
        return quarantine + "/" + collection.key().table().table() + ".jsonl";
    }
}
