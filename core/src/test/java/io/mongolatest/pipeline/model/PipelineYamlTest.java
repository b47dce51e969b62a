package io.mongolatest.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class PipelineYamlTest {
    private static final PipelineYaml PARSER = new PipelineYaml("p/pipeline.yaml", Set.of("probe", "other"));

    private static String message(String yaml) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PARSER.parse(yaml));
        assertThat(t).isInstanceOf(MongoLatestException.class);
        assertThat(((MongoLatestException) t).kind()).isEqualTo(ErrorKind.USER);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    @Test
    void readsStepsInOrderWithTheirOptions() {
        PipelineDefinition p = PARSER.parse("""
                data_product: MONGO_LATEST
                version: "3"
                steps:
                  - name: a
                    builtin: probe
                    always: true
                  - name: b-2
                    sql: true
                    on_failure: continue
                """);
        assertThat(p.dataProduct()).isEqualTo("MONGO_LATEST");
        assertThat(p.version()).isEqualTo("3");
        assertThat(p.steps()).containsExactly(new StepDefinition("a", "probe", OnFailure.TERMINATE, true),
                new StepDefinition("b-2", null, OnFailure.CONTINUE, false));
    }

    @Test
    void namesTheLineOfAnUnknownKey() {
        assertThat(message("""
                data_product: X
                version: 1
                steps:
                  - name: a
                    buitlin: probe
                """)).isEqualTo("p/pipeline.yaml:5: unknown key 'buitlin' in a step (expected one of always, builtin,"
                + " description, name, on_failure, sql)");
    }

    @Test
    void rejectsDuplicateStepNames() {
        assertThat(message("""
                data_product: X
                version: 1
                steps:
                  - name: a
                    sql: true
                  - name: a
                    builtin: probe
                """)).startsWith("p/pipeline.yaml:6: duplicate step name 'a'");
    }

    @Test
    void rejectsInvalidStepNames() {
        assertThat(message("""
                data_product: X
                version: 1
                steps:
                  - name: Bad_Name
                    sql: true
                """)).startsWith("p/pipeline.yaml:4: invalid step name 'Bad_Name'");
    }

    @Test
    void rejectsUnknownBuiltinsNamingTheKnownOnes() {
        assertThat(message("""
                data_product: X
                version: 1
                steps:
                  - name: a
                    builtin: nope
                """)).isEqualTo("p/pipeline.yaml:5: step 'a': unknown builtin 'nope' (known: other, probe)");
    }

    @Test
    void requiresExactlyOneOfBuiltinAndSql() {
        assertThat(message("""
                data_product: X
                version: 1
                steps:
                  - name: a
                    builtin: probe
                    sql: true
                """)).contains(":4: step 'a' needs exactly one of");
        assertThat(message("""
                data_product: X
                version: 1
                steps:
                  - name: a
                """)).contains(":4: step 'a' needs exactly one of");
    }

    @Test
    void rejectsBadValues() {
        assertThat(message("data_product: X\nversion: 1\nsteps:\n  - name: a\n    sql: true\n    on_failure: retry\n"))
                .contains(":6: step 'a': on_failure must be terminate or continue");
        assertThat(message("data_product: X\nversion: 1\nsteps:\n  - name: a\n    sql: yes please\n"))
                .contains(":5: 'sql' must be true or false");
        assertThat(message("data_product: x-y\nversion: 1\nsteps:\n  - name: a\n    sql: true\n"))
                .contains(":1: data_product 'x-y' must match");
        assertThat(message("data_product: X\nversion: 1\nsteps: []\n")).contains(":3: steps must be a non-empty list");
        assertThat(message("data_product: X\nsteps:\n  - name: a\n    sql: true\n")).contains("missing 'version'");
        assertThat(message("")).isEqualTo("p/pipeline.yaml: is empty");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
        assertThat(message("data_product: X\nversion: 1\nsteps:\n  - name: [a\n")).startsWith("p/pipeline.yaml:")
                .contains("invalid YAML");
        assertThat(message("data_product: X\ndata_product: Y\nversion: 1\nsteps:\n  - name: a\n    sql: true\n"))
                .isEqualTo("p/pipeline.yaml:2: duplicate key 'data_product' in the document");
    }

    @Test
    void theDefaultProductLoads() {
        assertThatThrownBy(() -> ProductPackage.load(ProductFiles.bundled(), Set.of()))
                .hasMessageContaining("unknown builtin");
        ProductFiles files = ProductFiles.bundled();
        assertThat(files.files()).containsKey("pipeline.yaml");
    }
}
