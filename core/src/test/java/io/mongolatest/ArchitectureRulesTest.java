package io.mongolatest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The seams of docs/architecture.md, read from the main sources of the core, the CLI and the Spark engine: the
 * product decides what to build and publish and names no engine class; engines never use product classes; the
 * latest build's shared part ({@code io.mongolatest.latest}) depends on neither; the core never uses the CLI.
 * A class is used when it is imported or named by its qualified name in code (comments and strings aside).
 */
class ArchitectureRulesTest {
    /** Relative to the core module's folder, the working directory of its tests. */
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("../cli/src/main/java"),
            Path.of("../spark/src/main/java"));
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.mongolatest(?:\\.\\w+)+");
    private static final Pattern ENGINE_CLASS = Pattern.compile("\\b(?:DuckDb|Spark)\\w*");

    private final List<Source> sources = readAll();

    private static List<Source> readAll() {
        List<Source> all = new ArrayList<>();
        for (Path root : ROOTS) {
            assertThat(root.resolve("io/mongolatest")).as("sources of %s", root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> all.add(Source.read(root, f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(all);
    }

    @Test
    void enginesUseNoProductClass() {
        List<Source> engines = in(p -> isIn(p, "io.mongolatest.engine"));
        assertThat(engines).as("engine sources").anyMatch(s -> s.pkg().equals("io.mongolatest.engine.spark"));
        assertThat(using(engines, "io.mongolatest.product")).as("engines using product classes").isEmpty();
    }

    @Test
    void theProductNamesNoEngineClass() {
        List<Source> product = in(p -> isIn(p, "io.mongolatest.product"));
        assertThat(product).as("product sources").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Source s : product) {
            s.code().lines().forEach(line -> {
                Matcher m = ENGINE_CLASS.matcher(line);
                while (m.find()) {
                    found.add(s.file() + ": " + m.group() + " in: " + line.strip());
                }
            });
        }
        assertThat(found).as("product sources naming a DuckDb* or Spark* class").isEmpty();
    }

    @Test
    void theCoreUsesNothingOfTheCli() {
        List<Source> core = sources.stream().filter(s -> s.root().equals(ROOTS.get(0))).toList();
        assertThat(core).as("core sources").isNotEmpty();
        assertThat(using(core, "io.mongolatest.cli")).as("core sources using the CLI").isEmpty();
    }

    @Test
    void theLatestBuildUsesNeitherProductNorEnginesNorCli() {
        List<Source> latest = in(p -> isIn(p, "io.mongolatest.latest"));
        assertThat(latest).as("latest sources").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (String other : List.of("io.mongolatest.product", "io.mongolatest.engine", "io.mongolatest.cli")) {
            found.addAll(using(latest, other));
        }
        assertThat(found).as("latest sources using product, engine or CLI classes").isEmpty();
    }

    private List<Source> in(Predicate<String> pkg) {
        return sources.stream().filter(s -> pkg.test(s.pkg())).toList();
    }

    private static boolean isIn(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }

    /** Each import or qualified name in {@code files} of a class of {@code pkg} or below, with its file. */
    private static List<String> using(List<Source> files, String pkg) {
        List<String> found = new ArrayList<>();
        for (Source s : files) {
            s.used().stream().filter(u -> isIn(u.name(), pkg)).forEach(u -> found.add(s.file() + ": " + u));
        }
        return found;
    }

    /** A class or package a file uses: imported, or named by its qualified name in code. */
    private record Use(String name, boolean imported) {
        @Override
        public String toString() {
            return (imported ? "import " : "names ") + name;
        }
    }

    /** One source file: its package, its code without comments and literals, and what it uses. */
    private record Source(Path root, Path file, String pkg, String code, List<Use> used) {
        static Source read(Path root, Path file) {
            String code;
            try {
                code = withoutCommentsAndLiterals(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher p = PACKAGE.matcher(code);
            String pkg = p.find() ? p.group(1) : "";
            List<Use> used = new ArrayList<>();
            Matcher i = IMPORT.matcher(code);
            while (i.find()) {
                used.add(new Use(i.group(1), true));
            }
            Matcher q = QUALIFIED.matcher(PACKAGE.matcher(IMPORT.matcher(code).replaceAll("")).replaceAll(""));
            while (q.find()) {
                used.add(new Use(q.group(), false));
            }
            return new Source(root, file, pkg, code, List.copyOf(used));
        }
    }

    /** Java source with its comments, literals and text blocks blanked, line breaks kept: its code only. */
    private static String withoutCommentsAndLiterals(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        while (i < java.length()) {
            int end = endOfCommentOrLiteral(java, i);
            if (end == i) {
                out.append(java.charAt(i++));
            }
            for (; i < end; i++) {
                out.append(java.charAt(i) == '\n' ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    /** Where the comment or literal that starts at {@code i} ends, or {@code i} when none starts there. */
    private static int endOfCommentOrLiteral(String java, int i) {
        if (java.startsWith("//", i)) {
            return after(java, i + 2, "\n", false);
        } else if (java.startsWith("/*", i)) {
            return after(java, i + 2, "*/", false);
        } else if (java.startsWith("\"\"\"", i)) {
            return after(java, i + 3, "\"\"\"", true);
        } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
            return after(java, i + 1, String.valueOf(java.charAt(i)), true);
        }
        return i;
    }

    private static int after(String java, int from, String close, boolean escapes) {
        int j = from;
        while (j < java.length() && !java.startsWith(close, j)) {
            j += escapes && java.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + close.length(), java.length());
    }
}
