package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the original's {@code instances.yaml} held: one on-demand instance fleet for the master and one for
 * the core nodes, the network and whether the cluster waits for more steps after the last one.
 */
public record InstanceSettings(Fleet master, Fleet core, List<String> subnetIds, SecurityGroups securityGroups,
                               boolean keepAliveWhenNoSteps) {
    public InstanceSettings {
        requireNonNull(master, "master is null");
        requireNonNull(core, "core is null");
        subnetIds = List.copyOf(requireNonNull(subnetIds, "subnetIds is null"));
        requireNonNull(securityGroups, "securityGroups is null");
        if (master.onDemandCount() != 1) {
            throw new IllegalArgumentException("an instance fleet cluster has one master node");
        }
        if (subnetIds.isEmpty()) {
            throw new IllegalArgumentException("no subnets");
        }
    }

    /** One fleet: a single instance type, on demand, each node with the same EBS volumes. */
    public record Fleet(String instanceType, int onDemandCount, Ebs ebs) {
        public Fleet {
            requireNonNull(instanceType, "instanceType is null");
            requireNonNull(ebs, "ebs is null");
            if (onDemandCount < 1) {
                throw new IllegalArgumentException("a fleet needs at least one node");
            }
        }
    }

    /** EBS data volumes of each node of a fleet. */
    public record Ebs(int sizeGb, String volumeType, int volumesPerInstance) {
        public Ebs {
            requireNonNull(volumeType, "volumeType is null");
            if (sizeGb < 1 || volumesPerInstance < 1) {
                throw new IllegalArgumentException("EBS volumes need a size and a count");
            }
        }
    }

    /** The three EMR-managed security groups and the additional ones of master and core nodes. */
    public record SecurityGroups(String emrManagedMaster, String emrManagedSlave, Optional<String> serviceAccess,
                                 List<String> additionalMaster, List<String> additionalSlave) {
        public SecurityGroups {
            requireNonNull(emrManagedMaster, "emrManagedMaster is null");
            requireNonNull(emrManagedSlave, "emrManagedSlave is null");
            requireNonNull(serviceAccess, "serviceAccess is null");
            additionalMaster = List.copyOf(requireNonNull(additionalMaster, "additionalMaster is null"));
            additionalSlave = List.copyOf(requireNonNull(additionalSlave, "additionalSlave is null"));
        }
    }
}
