package io.hyperspatial.bench.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalStatsTest {

    @Test
    void parsesCumulativeCountersOfDbStats() {
        String stats = """
                ** DB Stats **
                Uptime(secs): 3.1 total, 0.0 interval
                Cumulative writes: 22K writes, 198K keys, 5644 commit groups, 3.9 writes per commit group, ingest: 0.01 GB, 2.78 MB/s
                Cumulative WAL: 22K writes, 5612 syncs, 3.92 writes per sync, written: 0.01 GB, 2.78 MB/s
                Cumulative stall: 00:00:0.000 H:M:S, 0.0 percent
                Interval writes: 0 writes, 0 keys, 0 commit groups, 0.0 writes per commit group, ingest: 0.00 MB, 0.00 MB/s
                """;

        WalStats wal = WalStats.parse(stats);

        assertThat(wal).isEqualTo(new WalStats(22_000, 5612, 3.92, 3.9));
    }

    @Test
    void readsRocksDbHumanNumbers() {
        assertThat(WalStats.humanNumber("9999")).isEqualTo(9999);
        assertThat(WalStats.humanNumber("20K")).isEqualTo(20_000);
        assertThat(WalStats.humanNumber("12M")).isEqualTo(12_000_000);
        assertThat(WalStats.humanNumber("3G")).isEqualTo(3_000_000_000L);
    }

    @Test
    void rejectsAnUnknownFormat() {
        assertThatThrownBy(() -> WalStats.parse("no stats here")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rocksdb.dbstats");
    }
}
