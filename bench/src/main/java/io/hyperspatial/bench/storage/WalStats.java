package io.hyperspatial.bench.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write-ahead-log counters of one RocksDB instance since it was opened, read from its
 * {@code rocksdb.dbstats} property (which needs no statistics object, so neither side pays for
 * one). {@code writesPerSync} above 1 means concurrent commits shared fsyncs (group commit).
 * RocksDB prints counts of 10,000 and more rounded to thousands, so {@code writes} and
 * {@code syncs} are approximate; the two ratios are exact.
 *
 * @param writes               WAL writes (one per commit)
 * @param syncs                WAL fsyncs
 * @param writesPerSync        commits per fsync
 * @param writesPerCommitGroup commits per write group (commits batched by RocksDB's write leader)
 */
record WalStats(long writes, long syncs, double writesPerSync, double writesPerCommitGroup) {
    private static final Pattern WAL = Pattern.compile(
            "Cumulative WAL: (\\S+) writes, (\\S+) syncs, ([0-9.]+) writes per sync");
    private static final Pattern GROUPS = Pattern.compile(
            "Cumulative writes: \\S+ writes, \\S+ keys, \\S+ commit groups, ([0-9.]+) writes per commit group");

    static WalStats parse(String dbStats) {
        Matcher wal = WAL.matcher(dbStats);
        Matcher groups = GROUPS.matcher(dbStats);
        if (!wal.find() || !groups.find()) {
            throw new IllegalStateException("unexpected rocksdb.dbstats format:\n" + dbStats);
        }
        return new WalStats(humanNumber(wal.group(1)), humanNumber(wal.group(2)), Double.parseDouble(wal.group(3)),
                Double.parseDouble(groups.group(1)));
    }

    /** Parses RocksDB's {@code NumberToHumanString}: {@code 9999}, {@code 20K}, {@code 3M}, {@code 1G}. */
    static long humanNumber(String s) {
        char unit = s.charAt(s.length() - 1);
        long scale = switch (unit) {
            case 'K' -> 1_000L;
            case 'M' -> 1_000_000L;
            case 'G' -> 1_000_000_000L;
            default -> 1L;
        };
        String digits = scale == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * scale;
    }

    JsonObject toJson() {
        return new JsonObject().put("wal_writes", writes).put("wal_syncs", syncs)
                .put("wal_writes_per_sync", writesPerSync).put("writes_per_commit_group", writesPerCommitGroup);
    }
}
