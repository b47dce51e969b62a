package io.mongolatest.latest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.StorageRoots;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableAt;

/**
 * What a build is asked to do: every collection of the input into the new content of its table and of its kept
 * state ({@link KeptState}), bad lines into the quarantine folder, one file per table
 * ({@code <quarantine>/<table>.jsonl}).
 *
 * @param roots      the input's and the warehouse's roots, for tasks that open {@code store} and {@code files} where
 *                   they run
 * @param kept       for a delta build, what the earlier build kept of each collection it read, by table name;
 *                   empty for a build from scratch
 * @param quarantine the quarantine folder's path in {@code files}
 * @param scratch    a local folder for temporary files, deleted by the caller
 * @param progress   told when each collection's versions are read, and its report when it is done
 */
public record LatestBuildJob(InputStore store, StorageRoots roots, List<CollectionInput> collections,
                             Map<String, Kept> kept, FileArea files, String quarantine, Path scratch,
                             Cancellation cancellation, BuildProgress progress) {
    /** Temporary files of a build, under the warehouse so that they are on its disk; never a table name. */
    public static final String SCRATCH = ".build-scratch";

    public LatestBuildJob {
        requireNonNull(store, "store is null");
        requireNonNull(roots, "roots is null");
        collections = List.copyOf(collections);
        kept = Map.copyOf(kept);
        requireNonNull(files, "files is null");
        requireNonNull(quarantine, "quarantine is null");
        requireNonNull(scratch, "scratch is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(progress, "progress is null");
    }

    /**
     * What an earlier build kept of one collection: it read the first {@code files} files, with the accounting
     * {@code counts}; its winners (removals included, with version time and position) are the table
     * {@code state}, its table {@code latest}, each at the snapshot that build committed.
     */
    public record Kept(int files, InputCounts counts, TableAt state, TableAt latest) {
        public Kept {
            requireNonNull(counts, "counts is null");
            requireNonNull(state, "state is null");
            requireNonNull(latest, "latest is null");
        }
    }

    /** The kept state's table of {@code collection}. */
    public static TableName stateTable(CollectionInput collection) {
        return new TableName(KeptState.DATABASE, collection.key().table().table());
    }

    /** {@code <quarantine>/<table>.jsonl}. */
    public String quarantineFile(CollectionInput collection) {
        return quarantine + "/" + collection.key().table().table() + ".jsonl";
    }
}
