package io.hyperspatial.core.imports.wordnet;

import io.hyperspatial.core.positioning.Hierarchy;
import io.hyperspatial.manifold.error.ManifoldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordNetReaderTest {

    private static Path excerpt() throws URISyntaxException {
        return Path.of(WordNetReaderTest.class.getResource("/wordnet/data.noun").toURI()).getParent();
    }

    @Test
    void readsSynsetsWithNltkNamesLemmasGlossesAndHypernyms() throws Exception {
        WordNetNouns nouns = WordNetReader.read(excerpt());
        assertThat(nouns.size()).isEqualTo(6);
        WordNetSynset finance = nouns.byName("bank.n.02").orElseThrow();
        assertThat(finance.offset()).isEqualTo(2000);
        assertThat(finance.key()).isEqualTo("n00002000");
        assertThat(finance.lemmas()).containsExactly("Bank", "depository_financial_institution");
        assertThat(finance.gloss()).isEqualTo("a financial institution that accepts deposits; \"he cashed a check at the bank\"");
        assertThat(finance.hypernyms()).containsExactly(1740);
        WordNetSynset slope = nouns.byName("bank.n.01").orElseThrow();
        assertThat(slope.offset()).as("index.noun lists this offset first for 'bank'").isEqualTo(2100);
        assertThat(slope.hypernyms()).containsExactly(1930, 2300);
        WordNetSynset mars = nouns.byName("mars.n.01").orElseThrow();
        assertThat(mars.hypernyms()).as("the verb pointer is not a hypernym").isEmpty();
        assertThat(mars.instanceHypernyms()).containsExactly(2300);
        assertThat(nouns.byName("entity.n.01").orElseThrow().hypernyms()).isEmpty();
    }

    @Test
    void theNounsSubsetHasEveryHypernymAndInstanceEdge() throws Exception {
        WordNetNouns nouns = WordNetReader.read(excerpt());
        WordNetHierarchy all = WordNetSubset.NOUNS.select(nouns);
        Hierarchy h = all.hierarchy();
        assertThat(h.size()).isEqualTo(6);
        assertThat(h.edgeCount()).isEqualTo(6);
        assertThat(h.roots()).hasSize(1);
        assertThat(all.synsets().get(h.roots()[0]).name()).isEqualTo("entity.n.01");
        int mars = all.synsets().indexOf(nouns.byName("mars.n.01").orElseThrow());
        assertThat(Arrays.stream(h.closure().ancestors(mars)).mapToObj(i -> all.synsets().get(i).name()))
                .containsExactlyInAnyOrder("planet.n.01", "entity.n.01");
        assertThat(h.closure().pairCount()).isEqualTo(1 + 1 + 3 + 2 + 1);
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.copy(excerpt().resolve("index.noun"), dir.resolve("index.noun"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("data.noun"), "  1 header\n00001740 03 n 01 entity 0 0x1 | bad count\n");
        assertThatThrownBy(() -> WordNetReader.read(dir))
                .isInstanceOfSatisfying(ManifoldException.class, e -> assertThat(e.field()).contains("data.noun:2"))
                .hasMessageContaining("data.noun line 2");
    }

    @Test
    void missingFilesSayWhatToInstall(@TempDir Path dir) {
        assertThatThrownBy(() -> WordNetReader.read(dir))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("wordnet-base");
    }

    @Test
    void subsetNamesParse() throws IOException {
        assertThat(WordNetSubset.parse("Mammals")).isEqualTo(WordNetSubset.MAMMALS);
        assertThat(WordNetSubset.NOUNS.label()).isEqualTo("nouns");
        assertThatThrownBy(() -> WordNetSubset.parse("verbs")).hasMessageContaining("nouns or mammals");
    }
}
