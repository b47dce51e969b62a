package io.mongolatest.cli;

import io.mongolatest.ToolVersion;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mongo-latest " + ToolVersion.current()};
    }
}
