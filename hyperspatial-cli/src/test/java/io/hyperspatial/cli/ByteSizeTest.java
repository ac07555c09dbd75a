package io.hyperspatial.cli;

import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ByteSize} and the cache sizes {@code serve} takes with it. */
class ByteSizeTest {
    @TempDir Path tmp;

    @Test
    void sizesAreBytesOrPowersOf1024() {
        assertThat(ByteSize.parse("0")).isZero();
        assertThat(ByteSize.parse("1048576")).isEqualTo(1L << 20);
        assertThat(ByteSize.parse("512m")).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("2G")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("2GiB")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse(" 64 kb ")).isEqualTo(64L << 10);
        assertThat(ByteSize.parse("3t")).isEqualTo(3L << 40);
    }

    @Test
    void anythingElseIsRefusedWithTheValue() {
        for (String bad : new String[] {"", "m", "-1", "1.5g", "12x", "1p"}) {
            assertThatThrownBy(() -> ByteSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid size '" + bad + "'");
        }
        assertThatThrownBy(() -> ByteSize.parse("9999999999t")).hasMessageContaining("too large");
    }

    @Test
    void theCachesReplaceThePresetsOnlyWhereGiven() {
        DatabaseOptions preset = DatabaseOptions.preset(StoragePreset.DEFAULT);
        assertThat(ServeCommand.storageOptions(StoragePreset.DEFAULT, null, null)).isEqualTo(preset);
        DatabaseOptions sized = ServeCommand.storageOptions(StoragePreset.DEFAULT, 64L << 20, 0L);
        assertThat(sized.blockCacheBytes()).isEqualTo(64L << 20);
        assertThat(sized.rowCacheBytes()).isZero();
        assertThat(sized.memtableBytes()).isEqualTo(preset.memtableBytes());
        assertThatThrownBy(() -> ServeCommand.storageOptions(StoragePreset.DEFAULT, 0L, null))
                .hasMessage("--block-cache must be more than 0 bytes");
    }

    @Test
    void serveRefusesABadCacheSizeBeforeOpeningAnything() {
        Path data = tmp.resolve("d");
        Cli zero = Cli.run("serve", "--data", data.toString(), "--port", "0", "--block-cache", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--block-cache must be more than 0 bytes");
        Cli bogus = Cli.run("serve", "--data", data.toString(), "--port", "0", "--row-cache", "12x");
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err()).contains("invalid size '12x'");
        assertThat(Files.exists(data)).as("nothing opened").isFalse();
    }
}
