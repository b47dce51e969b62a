package io.mongolatest;

/** The version of this tool, as packaged. */
public final class ToolVersion {
    private ToolVersion() {
    }

    public static String current() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
