package io.mongolatest.cluster;

/**
 * Where the install bootstrap action ({@code io/mongolatest/cluster/bootstrap/install-mongo-latest.sh}) puts the
 * tool on every node, and so where the EMR steps find it.
 */
public final class ClusterInstall {
    public static final String HOME = "/opt/mongo-latest";
    public static final String JAR = HOME + "/mongo-latest.jar";
    public static final String PRODUCT = HOME + "/product";
    /** The script's resource, for operators to upload next to the jar. */
    public static final String SCRIPT_RESOURCE = "/io/mongolatest/cluster/bootstrap/install-mongo-latest.sh";
    public static final String MAIN_CLASS = "io.mongolatest.cli.Main";

    private ClusterInstall() {
    }
}
