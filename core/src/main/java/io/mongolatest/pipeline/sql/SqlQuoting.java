package io.mongolatest.pipeline.sql;

/**
 * String literals as both engines read them. Backslashes and quotes are escaped; the values are
 * validated before (SPEC §5), so this is a second line of defence.
 */
final class SqlQuoting {
    private SqlQuoting() {
    }

    static String literal(String value) {
        if (value.indexOf('\\') >= 0 || value.indexOf('\'') >= 0 || value.indexOf('\n') >= 0) {
            throw io.mongolatest.MongoLatestException.user("SQL parameter value " + value
                    + " contains a quote, backslash or newline, which the product SQL cannot take");
        }
        return "'" + value + "'";
    }
}
