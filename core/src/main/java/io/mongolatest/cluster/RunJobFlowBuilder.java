package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import io.mongolatest.MongoLatestException;
import io.mongolatest.sizing.InstanceCatalog;

import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.Application;
import software.amazon.awssdk.services.emr.model.BootstrapActionConfig;
import software.amazon.awssdk.services.emr.model.EbsBlockDeviceConfig;
import software.amazon.awssdk.services.emr.model.InstanceFleetConfig;
import software.amazon.awssdk.services.emr.model.InstanceFleetType;
import software.amazon.awssdk.services.emr.model.InstanceTypeConfig;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * Turns a profile and one launch's parameters into the RunJobFlow request (SPEC §10). Like the original, it
 * leaves {@code StepConcurrencyLevel} (steps run one at a time, in pipeline order), auto-termination and managed
 * scaling to EMR's defaults.
 */
public final class RunJobFlowBuilder {
    private final InstanceCatalog catalog;

    public RunJobFlowBuilder(InstanceCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public JobFlowPlan build(ClusterProfile profile, LaunchParameters launch) {
        requireNonNull(profile, "profile is null");
        requireNonNull(launch, "launch is null");
        for (String step : profile.steps().byStep().keySet()) {
            if (!launch.steps().contains(step)) {
                throw MongoLatestException.user("profile " + profile.name() + " sets the ActionOnFailure of step '"
                        + step + "', which the pipeline does not have (steps: " + String.join(", ", launch.steps())
                        + ")");
            }
        }
        ClusterConfigurations configurations = ClusterConfigurations.of(profile, catalog);
        ClusterSettings c = profile.cluster();
        RunJobFlowRequest.Builder b = RunJobFlowRequest.builder()
                .name(c.name())
                .logUri(c.logUri())
                .releaseLabel(c.releaseLabel())
                .instances(instances(profile.instances()))
                .steps(steps(profile, launch))
                .bootstrapActions(bootstrapActions(profile.bootstrap(), launch))
                .applications(c.applications().stream().map(a -> Application.builder().name(a).build()).toList())
                .configurations(configurations.classifications().stream().map(ConfiguredClassification::toSdk)
                        .toList())
                .visibleToAllUsers(c.visibleToAllUsers())
                .jobFlowRole(c.instanceProfile())
                .serviceRole(c.serviceRole())
                .tags(tags(c, launch))
                .securityConfiguration(c.securityConfiguration())
                .scaleDownBehavior(c.scaleDownBehavior())
                .ebsRootVolumeSize(c.ebsRootVolumeSizeGb());
        c.customAmiId().ifPresent(b::customAmiId);
        return new JobFlowPlan(b.build(), configurations);
    }

    private static JobFlowInstancesConfig instances(InstanceSettings i) {
        InstanceSettings.SecurityGroups sg = i.securityGroups();
        JobFlowInstancesConfig.Builder b = JobFlowInstancesConfig.builder()
                .instanceFleets(fleet("MASTER", InstanceFleetType.MASTER, i.master()),
                        fleet("CORE", InstanceFleetType.CORE, i.core()))
                .keepJobFlowAliveWhenNoSteps(i.keepAliveWhenNoSteps())
                .ec2SubnetIds(i.subnetIds())
                .emrManagedMasterSecurityGroup(sg.emrManagedMaster())
                .emrManagedSlaveSecurityGroup(sg.emrManagedSlave())
                .additionalMasterSecurityGroups(sg.additionalMaster())
                .additionalSlaveSecurityGroups(sg.additionalSlave());
        sg.serviceAccess().ifPresent(b::serviceAccessSecurityGroup);
        return b.build();
    }

    private static InstanceFleetConfig fleet(String name, InstanceFleetType type, InstanceSettings.Fleet f) {
        InstanceSettings.Ebs ebs = f.ebs();
        return InstanceFleetConfig.builder().name(name).instanceFleetType(type)
                .targetOnDemandCapacity(f.onDemandCount())
                .instanceTypeConfigs(InstanceTypeConfig.builder().instanceType(f.instanceType())
                        .ebsConfiguration(e -> e.ebsBlockDeviceConfigs(EbsBlockDeviceConfig.builder()
                                .volumeSpecification(v -> v.sizeInGB(ebs.sizeGb()).volumeType(ebs.volumeType()))
                                .volumesPerInstance(ebs.volumesPerInstance()).build()))
                        .build())
                .build();
    }

    private static List<StepConfig> steps(ClusterProfile profile, LaunchParameters launch) {
        List<StepConfig> steps = new ArrayList<>();
        for (String step : launch.steps()) {
            steps.add(StepConfig.builder().name(step)
                    .actionOnFailure(ActionOnFailure.fromValue(profile.steps().actionFor(step).name()))
                    .hadoopJarStep(h -> h.jar(StepCommand.JAR).args(StepCommand.args(step, launch)))
                    .build());
        }
        return steps;
    }

    private static List<BootstrapActionConfig> bootstrapActions(BootstrapSettings bootstrap,
            LaunchParameters launch) {
        List<BootstrapActionConfig> actions = new ArrayList<>();
        actions.add(bootstrapAction(BootstrapSettings.INSTALL_ACTION, bootstrap.installScript(),
                List.of(launch.jar().toString(), launch.product().toString())));
        bootstrap.actions().forEach(a -> actions.add(bootstrapAction(a.name(), a.path(), a.args())));
        return actions;
    }

    private static BootstrapActionConfig bootstrapAction(String name, String path, List<String> args) {
        return BootstrapActionConfig.builder().name(name)
                .scriptBootstrapAction(s -> s.path(path).args(args)).build();
    }

    private static List<Tag> tags(ClusterSettings c, LaunchParameters launch) {
        List<Tag> tags = new ArrayList<>();
        c.tags().forEach((k, v) -> tags.add(tag(k, v)));
        tags.add(tag("Correlation_Id", launch.correlationId()));
        tags.add(tag("snapshot_type", launch.snapshotType().label()));
        tags.add(tag("export_date", launch.exportDate().toString()));
        return tags;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
