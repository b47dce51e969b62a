package io.mongolatest.pipeline.sql;

import io.mongolatest.engine.SqlFailure;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;

/** Runs a SQL step: its files in lexical order, each statement on its own, placeholders as literals. */
public final class SqlStepRunner implements BuiltinStep {
    @Override
    public StepOutcome run(StepContext ctx) {
        var values = SqlTemplate.valuesOf(ctx.params());
        for (SqlScript script : ctx.product().scriptsOf(ctx.step().name())) {
            String sql = SqlTemplate.render(script, values, ctx.engine()::literal);
            for (SqlStatement statement : SqlSplitter.split(script.file(), sql)) {
                try {
                    ctx.engine().execute(statement.sql());
                } catch (SqlFailure e) {
                    throw new SqlFailure(statement.where() + ": " + e.getMessage(), e.interrupted(), e);
                }
            }
        }
        return StepOutcome.none();
    }
}
