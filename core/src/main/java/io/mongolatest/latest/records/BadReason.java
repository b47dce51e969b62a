package io.mongolatest.latest.records;

/** Why an input line is not a record (SPEC §7); {@link #code()} names it in reports and quarantine files. */
public enum BadReason {
    INVALID_UTF8("invalid_utf8"),
    TOO_LONG("too_long"),
    NOT_JSON("not_json"),
    NOT_AN_OBJECT("not_an_object"),
    DUPLICATE_FIELD("duplicate_field"),
    NO_ID("no_id"),
    BAD_DATE("bad_date");

    private final String code;

    BadReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
