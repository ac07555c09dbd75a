package io.hyperspatial.core.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The lines of a text input in one reused character buffer, for JSON Lines: a line ends at
 * {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine} has it, and
 * is handed over as a range of {@link #chars()} that a JSON parser reads in place, without the
 * String per line (and its copy back into the parser's buffer) that {@code readLine} costs. The
 * range is valid until the next call to {@link #next}. Not thread-safe.
 */
final class InputLines {
    private final Reader in;
    private char[] buffer = new char[1 << 16];
    /** The buffer holds text in [position, limit). */
    private int position;
    private int limit;
    private boolean ended;
    private boolean skipLineFeed;
    private int start;
    private int length;

    InputLines(Reader in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        int scanned = position;
        while (true) {
            if (skipLineFeed && scanned < limit) {
                skipLineFeed = false;
                if (buffer[scanned] == '\n') {
                    scanned++;
                    position = scanned;
                }
            }
            for (int i = scanned; i < limit; i++) {
                char c = buffer[i];
                if (c == '\n' || c == '\r') {
                    start = position;
                    length = i - position;
                    position = i + 1;
                    skipLineFeed = c == '\r';
                    return true;
                }
            }
            scanned = limit;
            if (ended) {
                if (position == limit) {
                    return false;
                }
                start = position;
                length = limit - position;
                position = limit;
                return true;
            }
            scanned -= position;
            fill();
        }
    }

    /** Reads more input after what is still unread, moving it to the front and growing the buffer if it is full. */
    private void fill() throws IOException {
        int unread = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, unread);
        } else if (unread == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        position = 0;
        limit = unread;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            ended = true;
        } else {
            limit += n;
        }
    }

    /** The buffer holding the current line at {@link #start()}. */
    char[] chars() {
        return buffer;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }

    /** Whether the current line is empty or only white space (as {@link String#isBlank}). */
    boolean isBlank() {
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }
}
