package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

import io.mongolatest.DataSize;

/** An EC2 instance type as far as sizing cares: its vCPUs and memory. */
public record InstanceType(String name, String family, int vcpus, DataSize memory) {
    public InstanceType {
        requireNonNull(name, "name is null");
        requireNonNull(family, "family is null");
        requireNonNull(memory, "memory is null");
        if (!name.startsWith(family + ".")) {
            throw new IllegalArgumentException("instance type " + name + " is not of family " + family);
        }
        if (vcpus < 1) {
            throw new IllegalArgumentException("instance type " + name + " has no vCPUs");
        }
        if (memory.compareTo(DataSize.ofGibibytes(1)) < 0) {
            throw new IllegalArgumentException("instance type " + name + " has less than 1 GiB of memory");
        }
    }

    /** "m5.4xlarge (16 vCPUs, 64 GiB)". */
    public String describe() {
        return name + " (" + vcpus + " vCPUs, " + memory + ")";
    }
}
