package io.hyperspatial.manifold.error;

/**
 * Stable error codes. The string form ({@link #code()}) is part of the public API: the HTTP and
 * gRPC layers map codes to status codes through {@link #category()}, and clients match on them.
 * Codes are never renamed or reused.
 */
public enum ErrorCode {
    INVALID_ARGUMENT("invalid_argument", Category.INVALID_INPUT),
    UNKNOWN_FIELD("schema.unknown_field", Category.INVALID_INPUT),
    TYPE_MISMATCH("schema.type_mismatch", Category.INVALID_INPUT),
    DIMENSION_MISMATCH("schema.dimension_mismatch", Category.INVALID_INPUT),
    NON_FINITE_VALUE("schema.non_finite_value", Category.INVALID_INPUT),
    SCHEMA_CONFLICT("schema.conflict", Category.CONFLICT),
    COLLECTION_NOT_FOUND("collection.not_found", Category.NOT_FOUND),
    COLLECTION_EXISTS("collection.exists", Category.CONFLICT),
    ENTITY_NOT_FOUND("entity.not_found", Category.NOT_FOUND),
    TRANSACTION_CONFLICT("transaction.conflict", Category.CONFLICT),
    FEED_TRUNCATED("feed.truncated", Category.GONE),
    INCOMPATIBLE_FORMAT("storage.incompatible_format", Category.INTERNAL),
    CORRUPTION("storage.corruption", Category.INTERNAL),
    STORAGE_IO("storage.io", Category.UNAVAILABLE),
    CLOSED("closed", Category.UNAVAILABLE);

    /** How a code is reported to clients: each category maps to one HTTP / gRPC status. */
    public enum Category { INVALID_INPUT, NOT_FOUND, CONFLICT, GONE, UNAVAILABLE, INTERNAL }

    private final String code;
    private final Category category;

    ErrorCode(String code, Category category) {
        this.code = code;
        this.category = category;
    }

    /** The stable string form, e.g. {@code schema.unknown_field}. */
    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }
}
