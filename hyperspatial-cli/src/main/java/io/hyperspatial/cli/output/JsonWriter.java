package io.hyperspatial.cli.output;

import io.hyperspatial.core.json.JsonStrings;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes one JSON value (RFC 8259), pretty-printed with two-space indentation, as a sequence of
 * calls: {@code beginObject().name("a").value(1).endObject()}. Strings are escaped so that any
 * Java string, unpaired surrogates included, comes out as valid UTF-8 JSON text. Misuse (a value
 * where a name is due, unbalanced ends, a second top-level value) throws
 * {@link IllegalStateException}; a NaN or infinite number throws {@link IllegalArgumentException}.
 * Not thread-safe.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean afterName;
    private boolean rootWritten;

    private static final class Frame {
        final boolean object;
        int members;

        Frame(boolean object) {
            this.object = object;
        }
    }

    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        stack.push(new Frame(true));
        return this;
    }

    public JsonWriter endObject() {
        return end(true, '}');
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        stack.push(new Frame(false));
        return this;
    }

    public JsonWriter endArray() {
        return end(false, ']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) {
        Frame f = stack.peek();
        if (f == null || !f.object || afterName) {
            throw new IllegalStateException("a member name is only allowed inside an object, before its value");
        }
        if (f.members++ > 0) {
            out.append(',');
        }
        newline(stack.size());
        quote(name, out);
        out.append(": ");
        afterName = true;
        return this;
    }

    /** A string, or {@code null} for a JSON null. */
    public JsonWriter value(String s) {
        beforeValue();
        if (s == null) {
            out.append("null");
        } else {
            quote(s, out);
        }
        return this;
    }

    public JsonWriter value(long n) {
        beforeValue();
        out.append(n);
        return this;
    }

    public JsonWriter value(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no representation for " + d);
        }
        beforeValue();
        out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        return this;
    }

    public JsonWriter value(boolean b) {
        beforeValue();
        out.append(b);
        return this;
    }

    public JsonWriter nullValue() {
        return value((String) null);
    }

    /** The document written so far, followed by a newline once it is complete. */
    @Override
    public String toString() {
        return rootWritten && stack.isEmpty() ? out + "\n" : out.toString();
    }

    private void beforeValue() {
        Frame f = stack.peek();
        if (f == null) {
            if (rootWritten) {
                throw new IllegalStateException("a JSON document holds one top-level value");
            }
            rootWritten = true;
        } else if (f.object) {
            if (!afterName) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            afterName = false;
        } else {
            if (f.members++ > 0) {
                out.append(',');
            }
            newline(stack.size());
        }
    }

    private JsonWriter end(boolean object, char close) {
        Frame f = stack.peek();
        if (f == null || f.object != object || afterName) {
            throw new IllegalStateException("unbalanced " + close);
        }
        stack.pop();
        if (f.members > 0) {
            newline(stack.size());
        }
        out.append(close);
        return this;
    }

    private void newline(int depth) {
        out.append('\n');
        out.repeat("  ", depth);
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(String s, StringBuilder out) {
        JsonStrings.appendQuoted(out, s);
    }
}
