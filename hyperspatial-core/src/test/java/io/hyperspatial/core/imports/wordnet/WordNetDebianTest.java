package io.hyperspatial.core.imports.wordnet;

import io.hyperspatial.core.positioning.Hierarchy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real WordNet 3.0 from Debian's {@code wordnet-base} (/usr/share/wordnet): the subsets have
 * the sizes the Poincaré-embeddings paper and code report. Fails, never skips, without the files.
 */
class WordNetDebianTest {
    private static WordNetNouns nouns;

    @BeforeAll
    static void read() throws Exception {
        assertThat(Files.isRegularFile(WordNetReader.DEBIAN_DIRECTORY.resolve("data.noun")))
                .as("WordNet 3.0 must be installed at /usr/share/wordnet for this test: apt-get install wordnet-base")
                .isTrue();
        nouns = WordNetReader.read(WordNetReader.DEBIAN_DIRECTORY);
    }

    @Test
    void mammalsHave1180NodesAnd6540ClosurePairs() {
        WordNetHierarchy mammals = WordNetSubset.MAMMALS.select(nouns);
        Hierarchy h = mammals.hierarchy();
        assertThat(h.size()).isEqualTo(1_180);
        assertThat(h.closure().pairCount()).isEqualTo(6_540);
        assertThat(mammals.synsets().get(h.roots()[0]).name()).isEqualTo("mammal.n.01");
        assertThat(mammals.synsets()).extracting(WordNetSynset::name).doesNotContain("tusker.n.01");
    }

    @Test
    void nounsHave82115SynsetsAnd743241ClosurePairs() {
        Hierarchy h = WordNetSubset.NOUNS.select(nouns).hierarchy();
        assertThat(h.size()).isEqualTo(82_115);
        assertThat(h.closure().pairCount()).isEqualTo(743_241);
        assertThat(nouns.byName("mammal.n.01").orElseThrow().key()).isEqualTo("n01861778");
    }
}
