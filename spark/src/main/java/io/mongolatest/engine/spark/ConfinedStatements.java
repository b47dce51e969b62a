package io.mongolatest.engine.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.CreateNamespace;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.trees.TreeNode;

import scala.jdk.javaapi.CollectionConverters;

/**
 * What the product's SQL may run on Spark, which has no setting that keeps a session to some folders: queries,
 * and views made or dropped ({@code CREATE VIEW}, {@code DROP VIEW}, {@code DROP TABLE}, {@code CREATE DATABASE}
 * without a location). Read from Spark's own parse of the statement, so that neither case nor comments nor quoting
 * hide a form: a setting ({@code SET}, {@code RESET}), code ({@code ADD JAR}, {@code CREATE FUNCTION}, {@code
 * reflect}), a file read or written ({@code json.`/etc/…`}, {@code LOAD DATA}, {@code CREATE TABLE … LOCATION},
 * {@code INSERT OVERWRITE DIRECTORY}, {@code CREATE TEMPORARY VIEW … USING}) or any other command is refused, and
 * so is a relation the session says may not be read (a table of the warehouse it was not confined to).
 */
final class ConfinedStatements {
    /** Commands that make or drop views and databases of the catalog, and touch no file of their own. */
    private static final Set<String> ALLOWED_COMMANDS = Set.of("CreateView", "CreateViewCommand", "DropView",
            "DropTable", "DropTableCommand", "CreateNamespace");
    /** Functions that call Java methods by name. */
    private static final Set<String> CODE_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect");

    private ConfinedStatements() {
    }

    /**
     * Why {@code sql} may not run as the product's SQL, if it may not; a statement Spark cannot parse is left to
     * Spark, which says what is wrong with it. {@code readable} says whether a relation, by its name's parts as
     * written, may be read.
     */
    static Optional<String> refusal(SparkSession spark, String sql, Predicate<List<String>> readable) {
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (Exception e) { // ParseException, which Scala declares
            return Optional.empty();
        }
        String head = head(sql);
        String root = plan.getClass().getSimpleName();
        if (plan instanceof Command && !ALLOWED_COMMANDS.contains(root)) {
            if (root.startsWith("Set") || root.startsWith("Reset")) {
                return Optional.of("changes a setting, which the product's SQL may not: " + head);
            }
            if (root.startsWith("Add") || root.startsWith("CreateFunction")) {
                return Optional.of("loads an extension, which the product's SQL may not: " + head);
            }
            return Optional.of("reads or writes outside the warehouse: " + head + " (the product's SQL runs queries"
                    + " and makes views only)");
        }
        if (plan instanceof CreateNamespace create && create.properties().contains("location")) {
            return Optional.of("reads or writes outside the warehouse: " + head + " with a location");
        }
        return inside(plan, head, readable);
    }

    /**
     * A write ({@code INSERT}, which is no command to Spark), a file named as a table ({@code json.`/etc/hosts`})
     * or a Java method called, anywhere in the statement.
     */
    private static Optional<String> inside(LogicalPlan plan, String head, Predicate<List<String>> readable) {
        Deque<TreeNode<?>> todo = new ArrayDeque<>(List.of(plan));
        while (!todo.isEmpty()) {
            TreeNode<?> node = todo.pop();
            if (node instanceof LogicalPlan && node.getClass().getSimpleName().startsWith("Insert")) {
                // INSERT OVERWRITE DIRECTORY writes files; an INSERT into a table, the table's (not a query)
                return Optional.of("reads or writes outside the warehouse: " + head + " (the product's SQL runs"
                        + " queries and makes views only)");
            }
            if (node instanceof UnresolvedRelation r) {
                List<String> parts = CollectionConverters.asJava(r.multipartIdentifier());
                String last = parts.get(parts.size() - 1);
                if (parts.size() > 1 && (last.contains("/") || last.contains(":"))) {
                    return Optional.of("reads or writes outside the warehouse: " + String.join(".", parts));
                }
                if (!readable.test(parts)) {
                    return Optional.of("reads a table the product's SQL may not read here: " + String.join(".", parts));
                }
            }
            if (node instanceof UnresolvedFunction f) {
                List<String> parts = CollectionConverters.asJava(f.nameParts());
                if (CODE_FUNCTIONS.contains(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT))) {
                    return Optional.of("runs Java code, which the product's SQL may not: " + String.join(".", parts));
                }
            }
            for (Object child : CollectionConverters.asJava(node.children())) {
                todo.push((TreeNode<?>) child);
            }
            if (node instanceof QueryPlan<?> p) {
                for (Object inner : CollectionConverters.asJava(p.innerChildren())) {
                    todo.push((TreeNode<?>) inner);
                }
                for (Object e : CollectionConverters.asJava(p.expressions())) {
                    todo.push((TreeNode<?>) e);
                }
            }
            if (node instanceof PlanExpression<?> e) {
                todo.push((TreeNode<?>) e.plan());
            }
        }
        return Optional.empty();
    }

    /** The statement's first words, to name it. */
    private static String head(String sql) {
        String[] words = sql.strip().split("\\s+", 4);
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(3, words.length)));
    }
}
