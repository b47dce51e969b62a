package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.sizing.InstanceCatalog;

/**
 * Finds a cluster profile for {@code --profile NAME|FILE}: a bare name ({@code development}, {@code qa},
 * {@code integration}, {@code preprod}, {@code production}) is a profile shipped with the tool; anything else is
 * a file of the user's.
 */
public final class ClusterProfiles {
    /** The profiles shipped in {@code io/mongolatest/cluster/profiles/}, in the order of the environments. */
    public static final List<String> SHIPPED = List.of("development", "qa", "integration", "preprod", "production");
    private static final Pattern BARE_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final InstanceCatalog catalog;

    public ClusterProfiles(InstanceCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** A shipped profile by name, or the profile in a file. */
    public ClusterProfile load(String nameOrFile) {
        requireNonNull(nameOrFile, "nameOrFile is null");
        String v = nameOrFile.strip();
        if (BARE_NAME.matcher(v).matches()) {
            return shipped(v);
        }
        Path file;
        try {
            file = Path.of(v);
        } catch (InvalidPathException e) {
            throw MongoLatestException.user("invalid profile file name '" + v + "'");
        }
        return file(file);
    }

    public ClusterProfile shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw MongoLatestException.user("no shipped cluster profile '" + name + "' (shipped: "
                    + String.join(", ", SHIPPED) + "); give a file to use your own");
        }
        String resource = "profiles/" + name + ".yaml";
        try (InputStream in = ClusterProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            return new ClusterProfileYaml("profile " + name, catalog)
                    .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public ClusterProfile file(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw MongoLatestException.user("cluster profile " + file + " does not exist (shipped profiles: "
                    + String.join(", ", SHIPPED) + ")");
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read cluster profile " + file + ": " + e.getMessage(), e);
        }
        return new ClusterProfileYaml(file.toString(), catalog).parse(text);
    }
}
