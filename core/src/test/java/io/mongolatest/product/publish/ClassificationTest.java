package io.mongolatest.product.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.model.ProductFiles;

class ClassificationTest {
    private static Classification parse(String... lines) {
        return Classification.parse(String.join("\n", lines), "classification.csv");
    }

    @Test
    void publishesOnlyColumnsMarkedNotPersonal() {
        Classification c = parse("# comment", "", "table,column,pii", "t,a,false", "t,b,true", "T,C,False", "u,x,false");
        assertThat(c.publishable("t", List.of("a", "b", "c", "d"))).containsExactly("a", "c");
        assertThat(c.publishable("other", List.of("a"))).as("deny by default").isEmpty();
        assertThat(c.unknownEntries(Map.of("t", List.of("a", "b", "c")))).containsExactly("u");
        assertThat(c.unknownEntries(Map.of("t", List.of("a"), "u", List.of("x")))).containsExactly("t.b", "t.c");
    }

    @Test
    void neverPublishesTheDocument() {
        assertThatThrownBy(() -> parse("table,column,pii", "t,val,false")).isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("classification.csv:2: t.val holds whole documents");
        assertThat(parse("table,column,pii", "t,val,true").publishable("t", List.of("val"))).isEmpty();
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> parse("t,a,false")).hasMessageContaining("the first line must be the header");
        assertThatThrownBy(() -> parse("table,column,pii", "t,a")).hasMessageContaining(":2: expected table,column,pii");
        assertThatThrownBy(() -> parse("table,column,pii", "t,a,maybe")).hasMessageContaining("pii must be true or false");
        assertThatThrownBy(() -> parse("table,column,pii", "db.t,a,false")).hasMessageContaining("invalid table name");
        assertThatThrownBy(() -> parse("table,column,pii", "t,a,false", "t,A,true"))
                .hasMessageContaining("classified twice, differently");
    }

    @Test
    void theDefaultProductClassifiesEveryColumnOfItsTablesAndViews() {
        Classification c = Classification.parse(ProductFiles.bundled().text("classification.csv"), "default");
        assertThat(c.publishable("core_statement", List.of("id", "last_modified", "created", "snapshot_type",
                "snapshot_id", "val"))).containsExactly("id", "last_modified", "created", "snapshot_type", "snapshot_id");
        assertThat(c.publishable("claimant_v", List.of("citizen_id", "nino", "first_name", "date_of_birth")))
                .containsExactly("citizen_id");
    }
}
