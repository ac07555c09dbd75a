package io.hyperspatial.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row, columns padded to their widest cell and separated by two
 * spaces; chosen columns are right-aligned (for numbers). No trailing spaces. Not thread-safe.
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;
    private final int columns;

    public TextTable(String... headers) {
        this.columns = headers.length;
        this.right = new boolean[columns];
        rows.add(headers.clone());
    }

    /** Right-aligns the given (zero-based) columns. */
    public TextTable alignRight(int... cols) {
        for (int c : cols) {
            right[c] = true;
        }
        return this;
    }

    public TextTable add(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = String.valueOf(cells[i]);
        }
        rows.add(row);
        return this;
    }

    public void print(PrintWriter out) {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                String cell = row[i];
                int pad = width[i] - cell.length();
                if (i > 0) {
                    line.append("  ");
                }
                if (right[i]) {
                    line.repeat(' ', pad).append(cell);
                } else {
                    line.append(cell);
                    if (i < columns - 1) {
                        line.repeat(' ', pad);
                    }
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
