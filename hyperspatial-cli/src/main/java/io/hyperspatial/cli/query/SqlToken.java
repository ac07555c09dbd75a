package io.hyperspatial.cli.query;

/**
 * A stretch of HyperQL text as {@link SqlScanner} reads it.
 *
 * @param kind   what the stretch is
 * @param start  its first character's offset
 * @param end    the offset just after it
 * @param closed false for a string, quoted name or block comment that the text ends inside
 */
public record SqlToken(Kind kind, int start, int end, boolean closed) {
    /** Kinds of stretches; keywords are {@link #WORD}s that the vocabulary knows. */
    public enum Kind {
        WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, COMMENT, SEMICOLON, SPACE, OTHER
    }

    /** Whether the stretch is only whitespace or a comment, which separate statements without being part of one. */
    public boolean blank() {
        return kind == Kind.SPACE || kind == Kind.COMMENT;
    }
}
