package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.IcebergReader;
import io.mongolatest.tables.TableStore;
import io.mongolatest.product.audit.CreateDatabases;
import io.mongolatest.product.publish.Publish;

class PublishTest extends HarnessTest {

    @BeforeEach
    void build() throws Exception {
        in.file(LatestRulesTest.FULL + "a.json", "{\"_id\": 1, \"name\": \"Ann\", \"amount\": \"12.50\"}",
                        "{\"_id\": 2, \"name\": \"Bob\", \"amount\": \"7\"}")
                .file("full/2024-03-01_00-00-00/core/todo/a.json", "{\"_id\": 9}");
        h.run(CreateDatabases.KIND);
        h.build();
        h.session().execute("CREATE VIEW uc_mongo_latest.contract_v AS SELECT get_json_object(id, '$') AS contract_id,"
                + " get_json_object(val, '$.name') AS name, TRY_CAST(get_json_object(val, '$.amount') AS DECIMAL(18, 2))"
                + " AS amount FROM uc_mongo_latest.core_contract");
        h.classification = String.join("\n", "table,column,pii", "core_contract,id,false", "core_contract,val,true",
                "core_contract,snapshot_id,false", "contract_v,contract_id,false", "contract_v,amount,false",
                "contract_v,name,true", "contract_v,gone,false");
    }

    private List<String> columns(String table) {
        return h.query("SELECT * FROM " + table + " LIMIT 0").columns();
    }

    @Test
    void publishesEverythingUnredactedAndOnlyNonPersonalColumnsRedacted() throws Exception {
        StepOutcome out = h.run(Publish.KIND);
        assertThat(h.session().relations("ucs_latest_unredacted")).containsExactly("contract_v", "core_contract",
                "core_todo");
        assertThat(columns("ucs_latest_unredacted.core_contract")).containsExactly("id", "last_modified", "created",
                "snapshot_type", "snapshot_id", "val");
        assertThat(h.query("SELECT contract_id, name, amount FROM ucs_latest_unredacted.contract_v ORDER BY 1").rows())
                .containsExactly(List.of("1", "Ann", new java.math.BigDecimal("12.50")),
                        List.of("2", "Bob", new java.math.BigDecimal("7.00")));
        assertThat(h.session().relations("ucs_latest_redacted")).containsExactly("contract_v", "core_contract");
        assertThat(columns("ucs_latest_redacted.core_contract")).containsExactly("id", "snapshot_id");
        assertThat(columns("ucs_latest_redacted.contract_v")).containsExactly("contract_id", "amount");
        assertThat(out.rows()).isEqualTo(2 + 2 + 1 + 2 + 2);
        assertThat(out.detail()).isEqualTo("{\"unredacted\":{\"contract_v\":2,\"core_contract\":2,\"core_todo\":1},"
                + "\"redacted\":{\"contract_v\":[\"contract_id\",\"amount\"],\"core_contract\":[\"id\",\"snapshot_id\"]},"
                + "\"withheld\":[\"core_todo\"],\"unknown_classification\":[\"contract_v.gone\"],\"dropped\":[]}");
        assertThat(h.warnings).anyMatch(w -> w.contains("[contract_v.gone]"))
                .anyMatch(w -> w.contains("no column classified pii=false: [core_todo]"));
    }

    @Test
    void thePublishedTablesAreIcebergTablesThatIcebergsOwnReaderReads() throws Exception {
        h.run(Publish.KIND);
        List<Map<String, Object>> rows = IcebergReader.rows(h.warehouse, new TableName("ucs_latest_redacted",
                "contract_v"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("contract_id", "amount");
    }

    @Test
    void aLatestTableIsPublishedUnredactedAsItsVerySameFiles() throws Exception {
        h.run(Publish.KIND);
        assertThat(files("ucs_latest_unredacted", "core_contract")).isNotEmpty()
                .isEqualTo(files("uc_mongo_latest", "core_contract"));
        in.file(LatestRulesTest.FULL + "a.json", "{\"_id\": 3}");
        h.build();
        h.run(Publish.KIND);
        assertThat(h.query("SELECT id FROM ucs_latest_unredacted.core_contract").rows()).containsExactly(List.of("3"));
        assertThat(h.query("SELECT count(*) FROM ucs_latest_unredacted.contract_v").single()).isEqualTo(1L);
        assertThat(files("ucs_latest_unredacted", "core_contract")).isEqualTo(files("uc_mongo_latest", "core_contract"));
    }

    @Test
    void whatIsNoLongerThereOrNoLongerPublishableGoes() throws Exception {
        h.run(Publish.KIND);
        h.session().execute("DROP VIEW uc_mongo_latest.contract_v");
        h.classification = "table,column,pii\ncore_contract,val,true\n";
        StepOutcome out = h.run(Publish.KIND);
        assertThat(h.session().relations("ucs_latest_unredacted")).containsExactly("core_contract", "core_todo");
        assertThat(h.session().relations("ucs_latest_redacted")).isEmpty();
        assertThat(h.warehouse().tables("ucs_latest_redacted")).isEmpty();
        assertThat(out.detail()).contains("\"dropped\":[\"ucs_latest_unredacted.contract_v\",\"ucs_latest_redacted.contract_v\","
                + "\"ucs_latest_redacted.core_contract\"]");
    }

    @Test
    void aPublicationStoppedMidwayLeavesEveryPublishedDatabaseWholeFromOneExport() throws Exception {
        h.run(Publish.KIND);
        in.file(LatestRulesTest.FULL + "a.json", "{\"_id\": 3, \"name\": \"Cy\", \"amount\": \"1\"}");
        h.build();
        // The first redacted table is written, then the step is stopped before the next one.
        h.onProgress = m -> h.cancellation.cancel("test");
        assertThatThrownBy(() -> h.run(Publish.KIND)).hasMessageContaining("cancelled");
        assertThat(readerIds("ucs_latest_redacted", "contract_v", "contract_id")).containsExactly("1", "2");
        assertThat(readerIds("ucs_latest_redacted", "core_contract", "id")).containsExactly("1", "2");
        assertThat(readerIds("ucs_latest_unredacted", "contract_v", "contract_id")).containsExactly("3");
        assertThat(readerIds("ucs_latest_unredacted", "core_contract", "id")).containsExactly("3");
    }

    /** The data files a reader of the table reads now. */
    private List<String> files(String database, String table) {
        TableName t = new TableName(database, table);
        TableStore tables = h.warehouse();
        return tables.scan(t, tables.current(t).orElseThrow().snapshotId()).files().stream()
                .map(f -> f.path().toString()).sorted().toList();
    }

    /** What Iceberg's own reader of the catalog sees of the table now. */
    private List<String> readerIds(String database, String table, String column) {
        return IcebergReader.rows(h.warehouse, new TableName(database, table)).stream()
                .map(r -> String.valueOf(r.get(column))).sorted().toList();
    }
}
