package io.hyperspatial.hyperql.error;

/**
 * Stable codes of HyperQL errors. The string form ({@link #code()}) is part of the public contract:
 * clients and network layers map it to their own status codes, so a code is never renamed or reused.
 */
public enum ErrorCode {
    /** The text is not valid HyperQL: the message says where and what was expected. */
    HQL_SYNTAX,
    /** A table or view name that the data source does not know. */
    HQL_UNKNOWN_TABLE,
    /** A column name that no table in scope has. */
    HQL_UNKNOWN_COLUMN,
    /** A column name that more than one table in scope has, used without a qualifier. */
    HQL_AMBIGUOUS_COLUMN,
    /** A function name that is not defined. */
    HQL_UNKNOWN_FUNCTION,
    /** A function called with the wrong number or kind of arguments. */
    HQL_WRONG_ARGUMENTS,
    /** An operand of the wrong type (for example a distance operator over text). */
    HQL_TYPE_MISMATCH,
    /** An aggregate function where none is allowed (WHERE, GROUP BY, nested aggregates). */
    HQL_MISUSED_AGGREGATE,
    /** The two sides of a compound select, or an INSERT's columns and values, differ in width. */
    HQL_COLUMN_COUNT,
    /** Creating a table, index or view whose name is taken. */
    HQL_DUPLICATE_OBJECT,
    /** A NOT NULL, UNIQUE or PRIMARY KEY constraint would be violated; nothing was changed. */
    HQL_CONSTRAINT,
    /** A parameter without a value, or a value for a parameter that the statement does not have. */
    HQL_PARAMETER,
    /** An ORDER BY or GROUP BY term that refers to a result column that does not exist. */
    HQL_BAD_REFERENCE,
    /** A statement the engine parses but the data source cannot carry out (for example writes to a read-only source). */
    HQL_UNSUPPORTED,
    /** A value out of range where the language requires one in range (for example integer overflow in abs). */
    HQL_OUT_OF_RANGE,
    /** The data source's storage failed (I/O, a closed store, a conflict it could not resolve); not the statement's fault. */
    HQL_STORAGE,
    /** The statement was cancelled while it ran (a REPL's Ctrl-C, a client that went away); it changed nothing. */
    HQL_CANCELLED,
    /** The statement ran past its timeout and was stopped; it changed nothing. */
    HQL_TIMEOUT;

    /** The stable string form, equal to the constant's name. */
    public String code() {
        return name();
    }
}
