package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.latest.InputCounts;
import io.mongolatest.product.build.BuildReport;

/**
 * The record rules of SPEC §7 through the real build on DuckDB, one fixture per rule, asserting the exact
 * rows: canonical id, last_modified, created, snapshot type and id, and the document text chosen.
 */
class LatestRulesTest extends HarnessTest {
    static final String FULL = "full/2024-03-01_00-00-00/core/contract/";
    static final String INC1 = "incremental/2024-03-02_00-00-00/core/contract/";
    static final String INC2 = "incremental/2024-03-03_00-00-00/core/contract/";


    /** {@code id | last_modified | created | snapshot_type | snapshot_id | val}, ordered by id. */
    List<String> rows(String table) {
        return h.query("SELECT id || ' | ' || strftime(last_modified, '%Y-%m-%dT%H:%M:%S.%fZ') || ' | '"
                + " || coalesce(strftime(created, '%Y-%m-%dT%H:%M:%S.%fZ'), 'NULL') || ' | ' || snapshot_type || ' | '"
                + " || snapshot_id || ' | ' || val FROM uc_mongo_latest." + table + " ORDER BY id").rows().stream()
                .map(r -> (String) r.get(0)).toList();
    }

    static String doc(String id, String lastModified, String more) {
        return "{\"_id\": " + id + (lastModified == null ? "" : ", \"_lastModifiedDateTime\": " + lastModified)
                + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    static String at(String iso) {
        return "{\"d_date\": \"" + iso + "\"}";
    }

    @Test
    void theLatestVersionTimeWinsWhereverItIs() throws Exception {
        String a1 = doc("\"a\"", at("2024-01-01T00:00:00.000+0000"), "\"v\": 1");
        String a2 = doc("\"a\"", at("2024-03-01T12:00:00.000+0000"), "\"v\": 2");
        String a3 = doc("\"a\"", at("2024-02-01T00:00:00.000+0000"), "\"v\": 3, \"note\": \"late arrival\"");
        String b1 = doc("\"b\"", at("2023-06-30T23:59:59.999+0000"), "\"createdDateTime\": \"2023-01-01T00:00:00Z\"");
        in.file(FULL + "part-0.json", a1, b1).file(INC1 + "part-0.json", a2).file(INC2 + "part-0.json", a3);
        BuildReport r = h.build();
        assertThat(rows("core_contract")).containsExactly(
                "\"a\" | 2024-03-01T12:00:00.000000Z | NULL | incremental | 2024-03-02_00-00-00 | " + a2,
                "\"b\" | 2023-06-30T23:59:59.999000Z | 2023-01-01T00:00:00.000000Z | full | 2024-03-01_00-00-00 | " + b1);
        assertThat(r.totals()).isEqualTo(new InputCounts(4, 0, 4, 0, java.util.Map.of(), 2, 2, 0, 2));
    }

    @Test
    void aTieGoesToTheLaterSnapshot() throws Exception {
        String t = at("2024-01-01T00:00:00.000+0000");
        in.file(FULL + "part-9.json", doc("1", t, "\"in\": \"full\""), doc("2", t, "\"in\": \"full\""))
                .file(INC1 + "part-0.json", doc("1", t, "\"in\": \"inc1\""), doc("2", t, "\"in\": \"inc1\""))
                .file(INC2 + "part-0.json", doc("2", t, "\"in\": \"inc2\""))
                .file("incremental/2024-03-01_00-00-00/core/contract/part-0.json", doc("3", t, "\"in\": \"inc0\""))
                .file(FULL + "part-8.json", doc("3", t, "\"in\": \"full, same time as inc0\""));
        h.build();
        assertThat(rows("core_contract")).containsExactly(
                "1 | 2024-01-01T00:00:00.000000Z | NULL | incremental | 2024-03-02_00-00-00 | " + doc("1", t, "\"in\": \"inc1\""),
                "2 | 2024-01-01T00:00:00.000000Z | NULL | incremental | 2024-03-03_00-00-00 | " + doc("2", t, "\"in\": \"inc2\""),
                "3 | 2024-01-01T00:00:00.000000Z | NULL | incremental | 2024-03-01_00-00-00 | " + doc("3", t, "\"in\": \"inc0\""));
    }

    @Test
    void thenToTheLaterFileThenToTheLaterLine() throws Exception {
        String t = at("2024-01-01T00:00:00.000+0000");
        in.file(INC1 + "part-2.json", doc("\"f\"", t, "\"file\": \"part-2\""),
                        doc("\"l\"", t, "\"line\": 2"), doc("\"l\"", t, "\"line\": 3"))
                .file(INC1 + "part-10.json", doc("\"f\"", t, "\"file\": \"part-10\""), doc("\"l\"", t, "\"line\": 99"))
                .file(FULL + "zzz.json", doc("\"s\"", t, "\"file\": \"zzz in the full snapshot\""))
                .file(INC1 + "aaa.json", doc("\"s\"", t, "\"file\": \"aaa in a later snapshot\""));
        h.build();
        assertThat(rows("core_contract")).extracting(r -> r.substring(r.lastIndexOf(" | ") + 3)).containsExactly(
                doc("\"f\"", t, "\"file\": \"part-2\""),
                doc("\"l\"", t, "\"line\": 3"),
                doc("\"s\"", t, "\"file\": \"aaa in a later snapshot\""));
    }

    @Test
    void nanosecondsOrderVersionsThatMicrosecondsCannot() throws Exception {
        String later = doc("1", "\"2024-01-01T00:00:00.123456789Z\"", "\"v\": \"later\"");
        String earlier = doc("1", "\"2024-01-01T00:00:00.123456788Z\"", "\"v\": \"earlier\"");
        in.file(FULL + "a.json", later).file(INC1 + "a.json", earlier);
        h.build();
        assertThat(rows("core_contract")).containsExactly(
                "1 | 2024-01-01T00:00:00.123456Z | NULL | full | 2024-03-01_00-00-00 | " + later);
    }

    @Test
    void everyDateFormIsTheSameInstantInUtc() throws Exception {
        String[] forms = {"{\"d_date\": \"2018-12-14T15:01:02.000+0000\"}", "{\"$date\": \"2018-12-14T15:01:02.000Z\"}",
            "{\"$date\": 1544799662000}", "{\"d_date\": 1544799662000}", "{\"$date\": {\"$numberLong\": \"1544799662000\"}}",
            "\"2018-12-14T15:01:02Z\"", "\"2018-12-14T16:01:02.000+01:00\"", "\"2018-12-14T10:01:02.000000-0500\"",
            "\"2018-12-14T15:01:02.000000000Z\"", "\"2018-12-14 15:01:02\""};
        String[] lines = new String[forms.length];
        for (int i = 0; i < forms.length; i++) {
            lines[i] = doc("\"same\"", forms[i], "\"createdDateTime\": " + forms[forms.length - 1 - i] + ", \"form\": " + i);
        }
        in.file(FULL + "a.json", lines);
        h.build();
        assertThat(rows("core_contract")).as("all tie: the last line wins").containsExactly(
                "\"same\" | 2018-12-14T15:01:02.000000Z | 2018-12-14T15:01:02.000000Z | full | 2024-03-01_00-00-00 | "
                        + lines[forms.length - 1]);
        in.file(FULL + "a.json", "{\"_id\": 1, \"_lastModifiedDateTime\": \"2018-12-14T15:01:02.000001+0000\"}",
                "{\"_id\": 2, \"_lastModifiedDateTime\": {\"d_date\": \"2018-12-14T15:01:02.5+02\"}}",
                "{\"_id\": 3, \"_lastModifiedDateTime\": {\"$date\": -1000}}");
        h.build();
        assertThat(rows("core_contract")).extracting(r -> r.substring(0, r.indexOf(" | NULL"))).containsExactly(
                "1 | 2018-12-14T15:01:02.000001Z", "2 | 2018-12-14T13:01:02.500000Z", "3 | 1969-12-31T23:59:59.000000Z");
    }

    @Test
    void versionTimeFallsBackToCreatedThenTo1980() throws Exception {
        String noModified = "{\"_id\": \"c\", \"createdDateTime\": {\"d_date\": \"2020-05-05T05:05:05.000+0000\"}}";
        String neither = "{\"_id\": \"n\", \"v\": \"undated, later line\"}";
        String dated = "{\"_id\": \"n\", \"_lastModifiedDateTime\": \"1980-01-01T00:00:00.000001Z\", \"v\": \"dated\"}";
        String onlyUndated = "{\"_id\": \"u\", \"_lastModifiedDateTime\": null}";
        in.file(FULL + "a.json", dated).file(INC1 + "a.json", neither, noModified, onlyUndated);
        h.build();
        assertThat(rows("core_contract")).containsExactly(
                "\"c\" | 2020-05-05T05:05:05.000000Z | 2020-05-05T05:05:05.000000Z | incremental | 2024-03-02_00-00-00 | "
                        + noModified,
                "\"n\" | 1980-01-01T00:00:00.000001Z | NULL | full | 2024-03-01_00-00-00 | " + dated,
                "\"u\" | 1980-01-01T00:00:00.000000Z | NULL | incremental | 2024-03-02_00-00-00 | " + onlyUndated);
    }

    @Test
    void keysWrittenWithEscapesAreTheKeysTheyName() throws Exception {
        String older = "{\"_id\": \"w1\", \"_lastModifiedDateTime\": \"2026-11-18T10:00:00Z\", \"v\": \"older\"}";
        String newer = "{\"_id\": \"w1\", \"\\u005flastModifiedDateTime\": \"2026-11-19T10:00:00Z\", \"v\": \"newer\"}";
        String created = "{\"_id\": \"c\", \"\\u0063reatedDateTime\": {\"\\u0024date\": {\"\\u0024numberLong\": \"1795082400000\"}}}";
        String createdOlder = "{\"_id\": \"c\", \"createdDateTime\": \"2026-11-18T10:00:00Z\", \"v\": \"older\"}";
        String gone = "{\"_id\": \"r\", \"_lastModifiedDateTim\\u0065\": {\"d_d\\u0061te\": \"2026-11-19T10:00:00Z\"},"
                + " \"\\u005fremovedDateTime\": \"2026-11-19T10:00:00Z\"}";
        String twice = "{\"_id\": \"d\", \"_lastModifiedDateTime\": \"2026-11-18T10:00:00Z\","
                + " \"\\u005flastModifiedDateTime\": \"2026-11-19T10:00:00Z\"}";
        in.file(FULL + "a.json", doc("\"r\"", "\"2026-11-18T10:00:00Z\"", ""), createdOlder)
                .file(INC1 + "a.json", newer, older, created, gone, twice);
        h.maxBadFraction = 1;
        BuildReport r = h.build();
        assertThat(rows("core_contract")).containsExactly(
                "\"c\" | 2026-11-19T10:00:00.000000Z | 2026-11-19T10:00:00.000000Z | incremental | 2024-03-02_00-00-00 | "
                        + created,
                "\"w1\" | 2026-11-19T10:00:00.000000Z | NULL | incremental | 2024-03-02_00-00-00 | " + newer);
        assertThat(r.totals().quarantinedByReason()).containsExactly(java.util.Map.entry("duplicate_field", 1L));
        assertThat(r.totals().removed()).isEqualTo(1);
    }

    @Test
    void aRecordWhoseLatestVersionIsARemovalIsAbsent() throws Exception {
        String t1 = at("2024-01-01T00:00:00.000+0000");
        String t2 = at("2024-01-02T00:00:00.000+0000");
        String t3 = at("2024-01-03T00:00:00.000+0000");
        String back = doc("\"back\"", t3, "\"v\": \"re-created\"");
        in.file(FULL + "a.json", doc("\"rdt\"", t1, ""), doc("\"rm\"", t1, ""), doc("\"type\"", t1, ""),
                        doc("\"back\"", t1, ""), doc("\"stays\"", t2, "\"_removed\": true"))
                .file(INC1 + "a.json", doc("\"rdt\"", t2, "\"_removedDateTime\": " + t2),
                        doc("\"rm\"", t2, "\"_removed\": {\"by\": \"user\"}"), doc("\"type\"", t2, "\"@type\": \"MONGO_DELETE\""),
                        doc("\"back\"", t2, "\"@type\": \"MONGO_DELETE\""), doc("\"stays\"", t1, "\"v\": \"older, ignored\""))
                .file(INC2 + "a.json", back);
        BuildReport r = h.build();
        assertThat(rows("core_contract")).containsExactly(
                "\"back\" | 2024-01-03T00:00:00.000000Z | NULL | incremental | 2024-03-03_00-00-00 | " + back);
        assertThat(r.totals().removed()).isEqualTo(4);
        assertThat(r.totals().latest()).isEqualTo(1);
        assertThat(r.totals().superseded()).isEqualTo(6);
    }

    @Test
    void idsAreCanonical() throws Exception {
        in.file(FULL + "a.json",
                "{\"_id\": {\"b\": {\"y\": 1, \"x\": [2, 1]}, \"a\": \"k\"}, \"_lastModifiedDateTime\": \"2024-01-01T00:00:00Z\"}",
                "{\"_id\": 42, \"v\": \"number\"}", "{\"_id\": \"42\", \"v\": \"string\"}",
                "{\"_id\": {\"$oid\": \"5c1b\"}, \"_lastModifiedDateTime\": \"2024-01-01T00:00:00Z\"}")
                .file(INC1 + "a.json",
                "{\"_id\": {\"a\": \"k\", \"b\": {\"x\": [2, 1], \"y\": 1}}, \"_lastModifiedDateTime\": \"2024-01-02T00:00:00Z\"}",
                "{\"_id\": {\"d_oid\": \"5c1b\"}, \"_lastModifiedDateTime\": \"2024-01-02T00:00:00Z\"}");
        BuildReport r = h.build();
        assertThat(rows("core_contract")).extracting(x -> x.substring(0, x.indexOf(" | "))).containsExactly(
                "\"42\"", "42", "{\"a\":\"k\",\"b\":{\"x\":[2,1],\"y\":1}}", "{\"d_oid\":\"5c1b\"}");
        assertThat(rows("core_contract")).filteredOn(x -> x.startsWith("{")).allMatch(x -> x.contains("| incremental |"));
        assertThat(r.totals().superseded()).isEqualTo(2);
    }

    @Test
    void readsEveryFileFormAndLineEnding() throws Exception {
        in.file(FULL + "a.json", "{\"_id\": 1}").file(FULL + "b.jsonl", "{\"_id\": 2}")
                .file(FULL + "c.json.gz", "{\"_id\": 3}").file(FULL + "d.jsonl.gz", "{\"_id\": 4}", "  {\"_id\": 5}  ")
                .bytes(FULL + "e.json", "{\"_id\": 6}\r\n{\"_id\": 7}\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        h.build();
        assertThat(rows("core_contract")).extracting(x -> x.substring(x.lastIndexOf(" | ") + 3)).containsExactly(
                "{\"_id\": 1}", "{\"_id\": 2}", "{\"_id\": 3}", "{\"_id\": 4}", "{\"_id\": 5}", "{\"_id\": 6}",
                "{\"_id\": 7}");
    }

    @Test
    void collectionsThatLeaveTheInputAreDropped() throws Exception {
        in.file(FULL + "a.json", "{\"_id\": 1}").file("full/2024-03-01_00-00-00/core/statement/a.json", "{\"_id\": 2}");
        h.build();
        assertThat(h.session().relations("uc_mongo_latest")).containsExactly("core_contract", "core_statement");
        java.nio.file.Files.delete(h.input.resolve("full/2024-03-01_00-00-00/core/statement/a.json"));
        java.nio.file.Files.delete(h.input.resolve("full/2024-03-01_00-00-00/core/statement"));
        BuildReport r = h.build();
        assertThat(r.droppedTables()).containsExactly("uc_mongo_latest.core_statement");
        assertThat(h.session().relations("uc_mongo_latest")).containsExactly("core_contract");
        assertThat(h.warehouse().tables("uc_mongo_latest")).containsExactly("core_contract");
    }

    @Test
    void anEmptyCollectionIsAnEmptyTable() throws Exception {
        in.file(FULL + "a.json", "", "{\"_id\": 1, \"@type\": \"MONGO_DELETE\"}");
        BuildReport r = h.build();
        assertThat(rows("core_contract")).isEmpty();
        assertThat(h.query("DESCRIBE uc_mongo_latest.core_contract").rows()).extracting(x -> x.get(0) + " " + x.get(1))
                .containsExactly("id VARCHAR", "last_modified TIMESTAMP WITH TIME ZONE",
                        "created TIMESTAMP WITH TIME ZONE", "snapshot_type VARCHAR", "snapshot_id VARCHAR", "val VARCHAR");
        assertThat(r.totals()).isEqualTo(new InputCounts(2, 1, 1, 0, java.util.Map.of(), 0, 0, 1, 0));
    }
}
