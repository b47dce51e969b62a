package io.mongolatest.product;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes input files for tests: lines joined with newlines, gzip when the name ends in .gz. */
public final class InputFixture {
    private final Path root;

    public InputFixture(Path root) {
        this.root = root;
    }

    public InputFixture file(String relative, String... lines) throws IOException {
        return bytes(relative, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    InputFixture bytes(String relative, byte[] content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        try (OutputStream out = relative.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(p))
                : Files.newOutputStream(p)) {
            out.write(content);
        }
        return this;
    }
}
