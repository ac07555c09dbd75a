package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kills a writing process with SIGKILL and checks that recovery kept every acknowledged write and
 * no half of any write (after H2's {@code TestKillProcessWhileWriting}). Each round starts a
 * {@link CrashWriter} on the same database, kills it at a random moment, then reopens the
 * database here and checks everything acknowledged in this and earlier rounds. The seed is fixed
 * so a failure can be replayed; {@code -Dmanifold.crashSeed=N} picks another.
 */
class CrashTest {
    private static final int ROUNDS = 5;
    private static final Duration FIRST_ACK = Duration.ofSeconds(30);

    @TempDir Path work;

    @Test
    void everyAcknowledgedStrictWriteSurvivesSigkillAndNoneIsHalfApplied() throws Exception {
        long seed = Long.getLong("manifold.crashSeed", 0x5EED_C0DEL);
        Random random = new Random(seed);
        Path database = work.resolve("db");
        Map<String, Long> acknowledged = new HashMap<>();
        long lastRecovered = 0;

        for (int round = 1; round <= ROUNDS; round++) {
            String context = "round " + round + " (seed " + seed + ")";
            List<CrashChild.Ack> acks;
            try (CrashChild child = CrashChild.start(database, round, Durability.STRICT, work)) {
                child.awaitFirstAck(FIRST_ACK);
                if (round == 1) {
                    assertThatThrownBy(() -> Database.open(database, DatabaseOptions.preset(StoragePreset.SMALL)))
                            .as("opening the database the child holds")
                            .isInstanceOfSatisfying(StorageException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO));
                }
                Thread.sleep(200 + random.nextInt(1300));
                assertThat(child.isAlive()).as("child still writing when killed, " + context + ":\n" + child.stderr()).isTrue();
                child.kill();
                acks = child.acks();
                assertThat(child.garbage()).as("unexpected output, " + context).isEmpty();
            }
            assertThat(acks).as(context).isNotEmpty();
            for (CrashChild.Ack ack : acks) {
                assertThat(ack.sequence()).as("sequences continue after recovery, " + context).isGreaterThan(lastRecovered);
                acknowledged.put(CrashWriter.key(round, ack.n()), ack.sequence());
            }

            CrashRecoveryCheck.Recovered recovered = CrashRecoveryCheck.verify(database, acknowledged);
            assertThat(recovered.entities()).as(context).isGreaterThanOrEqualTo(acknowledged.size());
            lastRecovered = recovered.lastSequence();
        }
    }
}
