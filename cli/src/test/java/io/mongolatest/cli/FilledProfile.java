package io.mongolatest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An account's copy of a shipped cluster profile, every placeholder filled in, as an operator makes one. */
final class FilledProfile {
    private FilledProfile() {
    }

    /** The shipped profile {@code name}, filled, written to {@code dir/<name>.yaml}. */
    static Path write(String name, Path dir) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        try (InputStream in = FilledProfile.class.getResourceAsStream("/io/mongolatest/cluster/profiles/" + name
                + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped profile " + name);
            }
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("ACCOUNT_ID", "123456789012").replace("-placeholder", "").replace("PLACEHOLDER-", ""));
        }
        return file;
    }
}
