package io.mongolatest.product.synthetic;

/**
 * The synthetic collections, shaped like Universal Credit data: folder names as the export writes them
 * (normalised by the product: {@code accepted-data} becomes {@code accepted_data}, {@code toDo} {@code todo}).
 */
enum Shape {
    CONTRACT("core", "contract", 12),
    STATEMENT("core", "statement", 30),
    CLAIMANT("core", "claimant", 14),
    TODO("core", "toDo", 12),
    PERSON_DETAILS("accepted-data", "personDetails", 16),
    ADDRESS("accepted-data", "address", 16);

    final String database;
    final String collection;
    /** Share of the documents, in percent. */
    final int share;

    Shape(String database, String collection, int share) {
        this.database = database;
        this.collection = collection;
        this.share = share;
    }
}
