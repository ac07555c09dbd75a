package io.hyperspatial.hyperql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sqllogictest format: records separated by blank lines, {@code #} comments,
 * {@code skipif}/{@code onlyif} guards, {@code statement ok|error}, {@code query TYPES [SORT] [LABEL]}
 * with {@code ----} before the expected values, {@code hash-threshold N} and {@code halt}.
 * Unknown record kinds are skipped. Stateless.
 */
public final class SltParser {
    /** The engine name that {@code onlyif} and {@code skipif} are checked against. */
    public static final String ENGINE = "hyperql";

    private static final Pattern HASH = Pattern.compile("(\\d+) values hashing to ([0-9a-fA-F]{32})");

    private SltParser() {
    }

    /** The records of a file's lines. */
    public static List<SltRecord> parse(List<String> lines) {
        List<SltRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            boolean skipped = false;
            while (i < lines.size() && (lines.get(i).startsWith("skipif") || lines.get(i).startsWith("onlyif"))) {
                String[] parts = lines.get(i).strip().split("\\s+");
                String engine = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
                boolean only = parts[0].equals("onlyif");
                skipped |= only ? !engine.equals(ENGINE) : engine.equals(ENGINE);
                i++;
            }
            if (i >= lines.size()) {
                break;
            }
            String[] head = lines.get(i).strip().split("\\s+");
            int headLine = i + 1;
            i++;
            switch (head[0]) {
                case "statement" -> {
                    List<String> sql = new ArrayList<>();
                    while (i < lines.size() && !lines.get(i).isBlank()) {
                        sql.add(lines.get(i++));
                    }
                    boolean error = head.length > 1 && head[1].equals("error");
                    records.add(new SltRecord.StatementRecord(headLine, error, String.join("\n", sql), skipped));
                }
                case "query" -> {
                    List<String> sql = new ArrayList<>();
                    while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).strip().equals("----")) {
                        sql.add(lines.get(i++));
                    }
                    SltRecord.Expected expected = null;
                    if (i < lines.size() && lines.get(i).strip().equals("----")) {
                        i++;
                        List<String> values = new ArrayList<>();
                        while (i < lines.size() && !lines.get(i).isBlank()) {
                            values.add(stripLineEnd(lines.get(i++)));
                        }
                        Matcher m = values.size() == 1 ? HASH.matcher(values.get(0)) : null;
                        expected = m != null && m.matches()
                                ? new SltRecord.Hash(Integer.parseInt(m.group(1)), m.group(2).toLowerCase(Locale.ROOT))
                                : new SltRecord.Values(values);
                    }
                    records.add(query(headLine, head, String.join("\n", sql), expected, skipped));
                }
                case "hash-threshold" -> records.add(new SltRecord.HashThreshold(headLine, Integer.parseInt(head[1])));
                case "halt" -> {
                    if (!skipped) {
                        records.add(new SltRecord.Halt(headLine));
                    }
                }
                default -> {
                    while (i < lines.size() && !lines.get(i).isBlank()) {
                        i++;
                    }
                }
            }
            if (i == start) {
                i++;
            }
        }
        return records;
    }

    /** A value line without its line end; leading spaces belong to the value. */
    private static String stripLineEnd(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static SltRecord query(int line, String[] head, String sql, SltRecord.Expected expected, boolean skipped) {
        String types = head.length > 1 ? head[1] : "";
        SltRecord.SortMode sort = SltRecord.SortMode.NOSORT;
        String label = null;
        if (head.length > 2) {
            sort = switch (head[2]) {
                case "rowsort" -> SltRecord.SortMode.ROWSORT;
                case "valuesort" -> SltRecord.SortMode.VALUESORT;
                default -> SltRecord.SortMode.NOSORT;
            };
        }
        if (head.length > 3) {
            label = head[3];
        }
        return new SltRecord.QueryRecord(line, types, sort, label, sql, expected, skipped);
    }
}
