package io.mongolatest.latest.input;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A collection and its files in the order ties are broken by: snapshot order, then file name. */
public record CollectionInput(CollectionKey key, List<InputFile> files) implements java.io.Serializable {
    public CollectionInput {
        requireNonNull(key, "key is null");
        files = List.copyOf(files);
    }

    public long bytes() {
        return files.stream().mapToLong(InputFile::size).sum();
    }
}
