package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the original's {@code cluster.yaml} held: the cluster's identity, software, roles and tags.
 *
 * @param name                  the EMR cluster name; {@code stop} and {@code relaunch} match it exactly
 * @param releaseLabel          e.g. {@code emr-spark-8.0.0}
 * @param applications          EMR applications to install; always includes {@code Spark}
 * @param logUri                where EMR writes the cluster's logs ({@code s3://...})
 * @param securityConfiguration name of an EMR security configuration of the account (encryption)
 * @param serviceRole           the EMR service role (name or ARN)
 * @param instanceProfile       the EC2 instance profile of the nodes ({@code JobFlowRole}, name or ARN)
 * @param customAmiId           a custom Amazon Linux AMI, or empty for EMR's own
 * @param ebsRootVolumeSizeGb   root volume of every node, in GiB
 * @param scaleDownBehavior     {@code TERMINATE_AT_TASK_COMPLETION} or {@code TERMINATE_AT_INSTANCE_HOUR}
 * @param visibleToAllUsers     whether every IAM principal of the account sees the cluster
 * @param tags                  the cluster's fixed tags, in profile order
 */
public record ClusterSettings(String name, String releaseLabel, List<String> applications, String logUri,
                              String securityConfiguration, String serviceRole, String instanceProfile,
                              Optional<String> customAmiId, int ebsRootVolumeSizeGb, String scaleDownBehavior,
                              boolean visibleToAllUsers, Map<String, String> tags) {
    public static final String SPARK = "Spark";

    public ClusterSettings {
        requireNonNull(name, "name is null");
        requireNonNull(releaseLabel, "releaseLabel is null");
        applications = List.copyOf(requireNonNull(applications, "applications is null"));
        requireNonNull(logUri, "logUri is null");
        requireNonNull(securityConfiguration, "securityConfiguration is null");
        requireNonNull(serviceRole, "serviceRole is null");
        requireNonNull(instanceProfile, "instanceProfile is null");
        requireNonNull(customAmiId, "customAmiId is null");
        requireNonNull(scaleDownBehavior, "scaleDownBehavior is null");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tags, "tags is null")));
        if (!applications.contains(SPARK)) {
            throw new IllegalArgumentException("applications must include " + SPARK + ": " + applications);
        }
    }

    public boolean installs(String application) {
        return applications.contains(application);
    }
}
