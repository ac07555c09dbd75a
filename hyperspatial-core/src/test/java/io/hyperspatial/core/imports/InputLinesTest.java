package io.hyperspatial.core.imports;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class InputLinesTest {
    @Test
    void splitsLinesAsBufferedReaderDoesWhateverTheChunksTheInputArrivesIn() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        String[] pieces = {"\n", "\r", "\r\n", "\n\n", " ", "\t", "{\"a\": 1}", "é€", "x"};
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextInt(20) == 0) {
                text.append("y".repeat(70_000 + random.nextInt(70_000))).append(random.nextBoolean() ? "\r" : "");
            }
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 3 : 100_000);
            assertThat(lines(new Chunked(text.toString(), chunk))).as("chunks of %d: %s", chunk, text)
                    .isEqualTo(new BufferedReader(new StringReader(text.toString())).lines().toList());
        }
    }

    @Test
    void blankLinesAreThoseOfOnlyWhiteSpace() throws IOException {
        InputLines lines = new InputLines(new StringReader(" \t\n\nx \n"));
        List<Boolean> blank = new ArrayList<>();
        while (lines.next()) {
            blank.add(lines.isBlank());
        }
        assertThat(blank).containsExactly(true, true, false);
    }

    private static List<String> lines(Reader in) throws IOException {
        InputLines lines = new InputLines(in);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(new String(lines.chars(), lines.start(), lines.length()));
        }
        return out;
    }

    /** Hands out at most {@code chunk} characters per read, as a network stream may. */
    private static final class Chunked extends Reader {
        private final String text;
        private final int chunk;
        private int at;

        Chunked(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), text.length() - at);
            text.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
