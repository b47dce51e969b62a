package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;

/** The EC2 instance types this tool can size for, read from the bundled {@code ec2-instances.csv}. */
public final class InstanceCatalog {
    private static final String RESOURCE = "ec2-instances.csv";
    private static final String HEADER = "name,family,vcpus,memory_gib";
    private static final int SUGGESTIONS = 5;

    private final Map<String, InstanceType> types;
    private final List<InstanceType> ordered;

    public InstanceCatalog(List<InstanceType> types) {
        requireNonNull(types, "types is null");
        Map<String, InstanceType> byName = new LinkedHashMap<>();
        for (InstanceType t : types) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalArgumentException("instance type listed twice: " + t.name());
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("instance catalog is empty");
        }
        this.types = Map.copyOf(byName);
        this.ordered = List.copyOf(byName.values());
    }

    /** The catalog shipped with this tool. */
    public static InstanceCatalog bundled() {
        try (InputStream in = InstanceCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return new InstanceCatalog(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<InstanceType> parse(BufferedReader reader) throws IOException {
        List<InstanceType> result = new ArrayList<>();
        boolean headerSeen = false;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!text.equals(HEADER)) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            String[] f = text.split(",", -1);
            if (f.length != 4) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 4 fields");
            }
            result.add(new InstanceType(f[0], f[1], Integer.parseInt(f[2]),
                    DataSize.ofGibibytes(Long.parseLong(f[3]))));
        }
        return result;
    }

    /** Every known type, in catalog order. */
    public List<InstanceType> all() {
        return ordered;
    }

    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(types.get(normalise(name)));
    }

    /**
     * The type of that name, or a user error naming the closest known types.
     *
     * @param role what the type is for, as the operator would say it ("instance type", "master instance type")
     */
    public InstanceType require(String name, String role) {
        requireNonNull(name, "name is null");
        return find(name).orElseThrow(() -> MongoLatestException.user("unknown " + role + " '" + name.strip()
                + "'; closest known: " + closest(name, SUGGESTIONS).stream()
                        .map(InstanceType::name).collect(Collectors.joining(", "))
                + " (" + ordered.size() + " types known)"));
    }

    /** Up to {@code limit} known types nearest to {@code name} by edit distance; same family first on ties. */
    public List<InstanceType> closest(String name, int limit) {
        String wanted = normalise(name);
        String wantedFamily = wanted.contains(".") ? wanted.substring(0, wanted.indexOf('.')) : wanted;
        Comparator<InstanceType> nearest = Comparator
                .<InstanceType>comparingInt(t -> editDistance(wanted, t.name()))
                .thenComparing(t -> t.family().equals(wantedFamily) ? 0 : 1)
                .thenComparing(InstanceType::name);
        return ordered.stream().sorted(nearest).limit(limit).toList();
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: typos in instance names are mostly one dropped, added or swapped character. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
