package io.mongolatest.pipeline.sql;

import java.util.List;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.engine.WarehouseReader;

/**
 * Runs a SQL step: its files in lexical order, each statement on its own, placeholders as literals, in a session
 * confined to the warehouse's tables ({@link EngineSession#confine}): the product's SQL reads and writes no other
 * file, loads no extension and changes no setting.
 */
public final class SqlStepRunner implements BuiltinStep {
    @Override
    public StepOutcome run(StepContext ctx) {
        var values = SqlTemplate.valuesOf(ctx.params());
        EngineSession engine = ctx.engine();
        engine.confine(List.copyOf(WarehouseReader.published(ctx.storage().tables(), database -> true).keySet()));
        for (SqlScript script : ctx.product().scriptsOf(ctx.step().name())) {
            String sql = SqlTemplate.render(script, values, engine::literal);
            for (SqlStatement statement : SqlSplitter.split(script.file(), sql)) {
                try {
                    engine.execute(statement.sql());
                } catch (SqlFailure e) {
                    throw new SqlFailure(statement.where() + ": " + e.getMessage(), e.interrupted(), e);
                }
            }
        }
        return StepOutcome.none();
    }
}
