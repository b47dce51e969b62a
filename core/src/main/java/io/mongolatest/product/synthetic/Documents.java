package io.mongolatest.product.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the documents of each {@link Shape}, about 1 KB each. A record's identity (ids, names, the
 * contract it belongs to) comes from its own random stream, so that every version agrees on it; what
 * changes between versions (amounts, statuses) comes from the version's stream.
 */
final class Documents {
    private static final String[] FIRST = {"Amelia", "Oliver", "Zoë", "Mohammed", "Łukasz", "Siobhán", "Aarav",
        "Isla", "Chidi", "Grace", "Dafydd", "Noémie"};
    private static final String[] LAST = {"Smith", "Jones", "O'Brien", "Nowak", "Patel", "MacLeod", "Okafor",
        "Williams", "Brown", "Müller", "Evans", "Taylor"};
    private static final String[] TOWNS = {"Leeds", "Cardiff", "Glasgow", "Newcastle upon Tyne", "Bristol",
        "Belfast", "Sheffield", "Norwich"};
    private static final String NOTE = "Generated for testing: not real data. The quick brown fox jumps over "
            + "the lazy dog while the claimant's journal records a change of circumstances.";

    private final long seed;
    private final long contracts;

    /** @param contracts how many contract records exist, so that other records can point at one */
    Documents(long seed, long contracts) {
        this.seed = seed;
        this.contracts = Math.max(1, contracts);
    }

    String uuid(Shape shape, long record) {
        SplittableRandom r = RecordPlan.random(seed ^ 0x5DEECE66DL, shape.ordinal(), record);
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private String contractOf(Shape shape, long record) {
        SplittableRandom r = RecordPlan.random(seed ^ 0x2545F4914F6CDD1DL, shape.ordinal(), record);
        return uuid(Shape.CONTRACT, r.nextLong(contracts));
    }

    /** Writes one version; {@code r} is the version's random stream. */
    void write(JsonGenerator g, Shape shape, long record, Version v, int number, long createdMillis,
               SplittableRandom r) throws IOException {
        boolean reversed = r.nextBoolean(); // the same id with its keys in another order
        g.writeStartObject();
        writeId(g, shape, record, reversed, r);
        int dates = r.nextInt(1000);
        if (dates >= 25) {
            DateForms.write(g, "_lastModifiedDateTime", v.epochMillis(), r);
        }
        if (dates >= 5) {
            DateForms.write(g, "createdDateTime", dates < 25 ? v.epochMillis() : createdMillis, r);
        }
        g.writeNumberField("_version", number + 1);
        switch (v.removal()) {
            case 1 -> DateForms.write(g, "_removedDateTime", v.epochMillis(), r);
            case 2 -> {
                g.writeFieldName("_removed");
                g.writeStartObject();
                g.writeStringField("reason", "DELETED_BY_USER");
                g.writeEndObject();
            }
            case 3 -> g.writeStringField("@type", "MONGO_DELETE");
            default -> g.writeStringField("@type", "MONGO_UPDATE");
        }
        switch (shape) {
            case CONTRACT -> contract(g, shape, record, r);
            case STATEMENT -> statement(g, shape, record, r);
            case CLAIMANT -> claimant(g, shape, record, r);
            case TODO -> todo(g, shape, record, r);
            case PERSON_DETAILS -> personDetails(g, shape, record, r);
            case ADDRESS -> address(g, r);
        }
        g.writeObjectFieldStart("_audit");
        g.writeStringField("createdBy", "agent-" + new UUID(r.nextLong(), r.nextLong()));
        g.writeStringField("lastModifiedBy", r.nextBoolean() ? "SYSTEM" : "agent-" + new UUID(r.nextLong(), r.nextLong()));
        g.writeStringField("sourceSystem", "UC_" + shape.name());
        g.writeStringField("requestId", new UUID(r.nextLong(), r.nextLong()).toString());
        g.writeArrayFieldStart("tags");
        g.writeString(r.nextBoolean() ? "migrated" : "native");
        g.writeString("schema-v" + (1 + r.nextInt(3)));
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("_class", "uk.gov.dwp.uc." + shape.collection + ".model." + shape.name());
        g.writeStringField("notes", NOTE.substring(0, 40 + r.nextInt(NOTE.length() - 40)));
        g.writeEndObject();
    }

    private void writeId(JsonGenerator g, Shape shape, long record, boolean reversed, SplittableRandom r)
            throws IOException {
        String id = uuid(shape, record);
        g.writeFieldName("_id");
        switch (shape) {
            case CONTRACT -> pair(g, "contractId", id, null, null, reversed);
            case STATEMENT -> pair(g, "statementId", id, "contractId", contractOf(shape, record), reversed);
            case CLAIMANT -> pair(g, "citizenId", id, "type", "CITIZEN", reversed);
            case TODO -> pair(g, "toDoId", id, null, null, reversed);
            case PERSON_DETAILS -> {
                g.writeStartObject();
                if (reversed) {
                    source(g, true);
                    g.writeStringField("personId", id);
                } else {
                    g.writeStringField("personId", id);
                    source(g, false);
                }
                g.writeEndObject();
            }
            case ADDRESS -> pair(g, r.nextInt(4) == 0 ? "$oid" : "d_oid", id.replace("-", "").substring(0, 24),
                    null, null, reversed);
        }
    }

    private static void source(JsonGenerator g, boolean reversed) throws IOException {
        g.writeFieldName("source");
        pair(g, "system", "CIS", "region", "GB", reversed);
    }

    private static void pair(JsonGenerator g, String k1, String v1, String k2, String v2, boolean reversed)
            throws IOException {
        g.writeStartObject();
        if (k2 != null && reversed) {
            g.writeStringField(k2, v2);
        }
        g.writeStringField(k1, v1);
        if (k2 != null && !reversed) {
            g.writeStringField(k2, v2);
        }
        g.writeEndObject();
    }

    private void contract(JsonGenerator g, Shape shape, long record, SplittableRandom r) throws IOException {
        LocalDate start = LocalDate.of(2019, 1, 1).plusDays(record % 1500);
        g.writeArrayFieldStart("claimants");
        g.writeString(uuid(Shape.CLAIMANT, record));
        if (record % 3 == 0) {
            g.writeString(uuid(Shape.CLAIMANT, record + 1));
        }
        g.writeEndArray();
        g.writeStringField("startDate", start.toString());
        g.writeStringField("entitlementDate", start.plusDays(7).toString());
        boolean closed = r.nextInt(10) == 0;
        if (closed) {
            g.writeStringField("closedDate", start.plusDays(400).toString());
        } else {
            g.writeNullField("closedDate");
        }
        g.writeNumberField("assessmentPeriodStartDay", start.getDayOfMonth());
        g.writeStringField("status", closed ? "CLOSED" : "ACTIVE");
        g.writeBooleanField("jointClaim", record % 3 == 0);
        g.writeStringField("homeAddressId", uuid(Shape.ADDRESS, record).replace("-", "").substring(0, 24));
        g.writeObjectFieldStart("declaration");
        g.writeBooleanField("accepted", true);
        g.writeStringField("declaredOn", start.minusDays(2).toString());
        g.writeStringField("channel", r.nextBoolean() ? "ONLINE" : "TELEPHONE");
        g.writeEndObject();
        g.writeStringField("jobCentre", TOWNS[(int) (record % TOWNS.length)] + " Jobcentre Plus");
        bodyUuid(g, shape, record);
    }

    private void statement(JsonGenerator g, Shape shape, long record, SplittableRandom r) throws IOException {
        String contract = contractOf(shape, record);
        LocalDate start = LocalDate.of(2021, 1, 1).plusDays(record % 1100);
        g.writeStringField("contractId", contract);
        g.writeObjectFieldStart("assessmentPeriod");
        g.writeStringField("assessmentPeriodId", uuid(Shape.STATEMENT, record + 7_000_000_000L));
        g.writeStringField("contractId", contract);
        g.writeStringField("startDate", start.toString());
        g.writeStringField("endDate", start.plusMonths(1).minusDays(1).toString());
        g.writeEndObject();
        g.writeStringField("paymentDate", start.plusMonths(1).plusDays(6).toString());
        g.writeStringField("statementType", r.nextInt(20) == 0 ? "CORRECTION" : "NORMAL");
        g.writeStringField("status", r.nextInt(4) == 0 ? "DRAFT" : "ISSUED");
        long standard = 29_245 + r.nextInt(30_000);
        long housing = r.nextInt(3) == 0 ? 0 : 20_000 + r.nextInt(80_000);
        long child = r.nextInt(2) == 0 ? 0 : 28_792 + r.nextInt(30_000);
        long earnings = r.nextInt(2) == 0 ? 0 : r.nextInt(60_000);
        long sanctions = r.nextInt(15) == 0 ? r.nextInt(20_000) : 0;
        long advances = r.nextInt(5) == 0 ? r.nextInt(10_000) : 0;
        money(g, "standardAllowance", standard);
        money(g, "housingAmount", housing);
        money(g, "childElement", child);
        money(g, "earningsDeduction", earnings);
        money(g, "sanctionsAmount", sanctions);
        money(g, "advancesRepayment", advances);
        money(g, "takeHomePay", Math.max(0, standard + housing + child - earnings - sanctions - advances));
        g.writeArrayFieldStart("people");
        g.writeStartObject();
        g.writeStringField("citizenId", uuid(Shape.CLAIMANT, record % Math.max(1, contracts)));
        g.writeStringField("role", "CLAIMANT");
        g.writeEndObject();
        g.writeEndArray();
    }

    private void claimant(JsonGenerator g, Shape shape, long record, SplittableRandom r) throws IOException {
        g.writeStringField("contractId", contractOf(shape, record));
        g.writeStringField("nino", String.format("%c%c%06d%c", 'A' + (int) (record % 20), 'B' + (int) (record % 19),
                record % 1_000_000, 'A' + (int) (record % 4)));
        g.writeStringField("firstName", FIRST[(int) (record % FIRST.length)]);
        g.writeStringField("lastName", LAST[(int) ((record / FIRST.length) % LAST.length)]);
        g.writeStringField("dateOfBirth", LocalDate.of(1950, 1, 1).plusDays(record % 18_000).toString());
        g.writeStringField("email", "claimant" + record + "@example.org");
        g.writeStringField("phone", "07700 9" + String.format("%05d", record % 100_000));
        g.writeBooleanField("identityVerified", r.nextInt(10) != 0);
        g.writeStringField("preferredLanguage", r.nextInt(8) == 0 ? "cy" : "en");
        g.writeObjectFieldStart("bankAccount");
        g.writeStringField("sortCode", String.format("%02d-%02d-%02d", record % 100, (record / 7) % 100, 11));
        g.writeStringField("accountNumber", String.format("%08d", record % 100_000_000));
        g.writeEndObject();
        bodyUuid(g, shape, record);
    }

    private void todo(JsonGenerator g, Shape shape, long record, SplittableRandom r) throws IOException {
        g.writeStringField("contractId", contractOf(shape, record));
        g.writeStringField("type", switch (r.nextInt(4)) {
            case 0 -> "UPLOAD_PAYSLIP";
            case 1 -> "CONFIRM_HOUSING_COSTS";
            case 2 -> "BOOK_APPOINTMENT";
            default -> "REPORT_CHANGE";
        });
        g.writeStringField("status", r.nextInt(3) == 0 ? "COMPLETED" : "OPEN");
        g.writeStringField("dueDate", LocalDate.of(2022, 1, 1).plusDays(record % 900).toString());
        g.writeStringField("createdBy", r.nextBoolean() ? "AGENT" : "SYSTEM");
        g.writeNumberField("priority", 1 + r.nextInt(3));
        bodyUuid(g, shape, record);
    }

    private void personDetails(JsonGenerator g, Shape shape, long record, SplittableRandom r) throws IOException {
        g.writeStringField("contractId", contractOf(shape, record));
        g.writeStringField("title", r.nextBoolean() ? "Ms" : "Mr");
        g.writeStringField("fullName", FIRST[(int) (record % FIRST.length)] + " " + LAST[(int) (record % LAST.length)]);
        g.writeStringField("nationality", r.nextInt(10) == 0 ? "IE" : "GB");
        g.writeBooleanField("hasPartner", record % 3 == 0);
        g.writeNumberField("dependants", r.nextInt(4));
        g.writeObjectFieldStart("housing");
        g.writeStringField("tenure", r.nextBoolean() ? "RENTED_PRIVATE" : "RENTED_SOCIAL");
        money(g, "monthlyRent", 40_000 + r.nextInt(60_000));
        g.writeEndObject();
        bodyUuid(g, shape, record);
    }

    private static void address(JsonGenerator g, SplittableRandom r) throws IOException {
        g.writeArrayFieldStart("lines");
        g.writeString((1 + r.nextInt(200)) + " High Street");
        g.writeString("Flat " + (1 + r.nextInt(20)));
        g.writeEndArray();
        g.writeStringField("town", TOWNS[r.nextInt(TOWNS.length)]);
        g.writeStringField("postcode", String.format("LS%d %dAB", 1 + r.nextInt(20), 1 + r.nextInt(9)));
        g.writeNumberField("uprn", 100_000_000L + r.nextInt(900_000_000));
        g.writeBooleanField("verified", r.nextBoolean());
        g.writeStringField("source", "POSTCODE_LOOKUP");
    }

    /** A record's identifier repeated in the body, as the service writes it. */
    private void bodyUuid(JsonGenerator g, Shape shape, long record) throws IOException {
        g.writeStringField(shape.collection + "Uuid", uuid(shape, record));
    }

    private static void money(JsonGenerator g, String field, long pence) throws IOException {
        long cents = pence % 100;
        g.writeFieldName(field);
        g.writeNumber(pence / 100 + (cents < 10 ? ".0" : ".") + cents);
    }
}
