package io.mongolatest.sizing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Renders a sizing as properties text: one {@code classification.key=value} line per setting (the
 * classification name has no dot, so the first dot splits it from the key), grouped by classification,
 * with {@code #} comments. With {@code explain}, each line is preceded by its rule and source, and the
 * sources are listed at the end.
 */
public final class SizingText {
    private SizingText() {
    }

    public static String properties(ClusterSizing sizing, boolean explain) {
        StringBuilder out = new StringBuilder();
        NodeLayout node = sizing.node();
        line(out, "# mongo-latest tune: " + sizing.shape().describe());
        line(out, "# per core node: " + node.yarnMemory().mebibytes() + " MiB and " + node.vcores()
                + " vcores for YARN, " + node.containersPerNode() + " Tez containers of "
                + node.taskContainer().mebibytes() + " MiB; cluster: " + sizing.totalContainers()
                + " Tez containers, " + sizing.totalYarnMemory().mebibytes() + " MiB");
        Set<Source> cited = EnumSet.noneOf(Source.class);
        for (Classification c : sizing.classifications()) {
            out.append('\n');
            for (Setting s : sizing.settings(c)) {
                if (explain) {
                    line(out, "# " + s.rule() + " [" + s.source().tag() + "]");
                    cited.add(s.source());
                }
                line(out, c.emrName() + "." + s.key() + "=" + s.value());
            }
        }
        if (explain) {
            out.append('\n');
            line(out, "# sources:");
            for (Source source : cited) {
                line(out, "# [" + source.tag() + "] " + source.title() + ": " + source.url());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
