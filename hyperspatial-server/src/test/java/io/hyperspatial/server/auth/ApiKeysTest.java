package io.hyperspatial.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {
    @TempDir Path dir;

    @Test
    void addedKeysAreFoundByTheKeyAndOnlyTheirHashIsStored() throws Exception {
        Path file = dir.resolve("keys");
        String admin = ApiKeys.add(file, Role.ADMIN, "ops");
        String reader = ApiKeys.add(file, Role.READ, "dashboard");
        assertThat(admin).startsWith("hs_").isNotEqualTo(reader);

        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(admin).doesNotContain(reader.substring(3))
                .contains(ApiKeys.sha256Hex(admin) + " admin ops");
        ApiKeys keys = ApiKeys.load(file);
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.find(admin)).get().extracting(ApiKey::role).isEqualTo(Role.ADMIN);
        assertThat(keys.find(reader)).get().extracting(ApiKey::name).isEqualTo("dashboard");
        assertThat(keys.find(admin + "x")).isEmpty();
    }

    @Test
    void malformedLinesAreNamedByNumberCommentsAndBlankLinesSkipped() throws Exception {
        Path file = dir.resolve("keys");
        String hash = ApiKeys.sha256Hex("k");
        Files.writeString(file, "# keys\n\n" + hash + " write ci\n" + hash.substring(1) + " read x\n");
        assertThatThrownBy(() -> ApiKeys.load(file)).isInstanceOf(KeyFileException.class).hasMessageContaining("line 4");
        Files.writeString(file, hash + " owner x\n");
        assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageContaining("line 1").hasMessageContaining("unknown role");
        Files.writeString(file, hash + " read a\n" + hash + " write b\n");
        assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageContaining("twice");
        Files.writeString(file, "# keys\n\n" + hash + " write ci\n");
        assertThat(ApiKeys.load(file).find("k")).isPresent();
        assertThatThrownBy(() -> ApiKeys.add(file, Role.READ, "has space")).isInstanceOf(KeyFileException.class);
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.includes(Role.WRITE)).isTrue();
        assertThat(Role.WRITE.includes(Role.READ)).isTrue();
        assertThat(Role.WRITE.includes(Role.ADMIN)).isFalse();
        assertThat(Role.READ.includes(Role.WRITE)).isFalse();
    }
}
