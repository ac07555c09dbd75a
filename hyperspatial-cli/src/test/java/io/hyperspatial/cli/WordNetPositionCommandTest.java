package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The WordNet demo path end to end on the mammal subtree: load, learn positions, evaluate, export. */
class WordNetPositionCommandTest {
    private static final Path WORDNET = Path.of("/usr/share/wordnet");
    private static final Pattern FIGURES = Pattern.compile("mean rank ([0-9.]+), MAP ([0-9.]+) \\(([0-9,]+) entities");

    @TempDir Path tmp;

    @SuppressWarnings("unchecked")
    @Test
    void mammalsLoadLearnEvaluateAndExport() {
        assertThat(WORDNET.resolve("data.noun")).as("WordNet 3.0: apt-get install wordnet-base").exists();
        String data = tmp.resolve("data").toString();

        Cli load = Cli.run("wordnet", "--data", data, "--subset", "mammals", "--collection", "mammals");
        assertThat(load.exitCode()).as(load.toString()).isZero();
        assertThat(load.out()).contains("1,180 synsets");

        Cli learn = Cli.run("position", "--data", data, "--collection", "mammals", "--edge-type", "hypernym",
                "--dims", "5", "--epochs", "10", "--threads", "2");
        assertThat(learn.exitCode()).as(learn.toString()).isZero();
        assertThat(learn.out()).contains("graph positions of 1,180 entities").contains("6,540 ancestor pairs");
        Matcher m = FIGURES.matcher(learn.out());
        assertThat(m.find()).as(learn.out()).isTrue();
        assertThat(Double.parseDouble(m.group(2))).as("MAP after 10 epochs").isGreaterThan(0.5);

        Cli evaluate = Cli.run("position", "evaluate", "--data", data, "--collection", "mammals");
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).as("the stored positions evaluate as the learned ones")
                .contains(m.group(0));

        Cli export = Cli.run("export", "--data", data, "--collection", "mammals");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        // the first line is the header with the schema; the entities follow
        assertThat(export.out().lines().findFirst().orElseThrow()).startsWith("{\"format\":\"hyperspatial.export\"");
        List<Map<String, Object>> rows = export.out().lines().skip(1).map(l -> (Map<String, Object>) MiniJson.parse(l)).toList();
        assertThat(rows).hasSize(1180);
        Map<String, Object> mammal = rows.stream().filter(r -> "n01861778".equals(r.get("key"))).findFirst().orElseThrow();
        assertThat(mammal.get("type")).isEqualTo("Synset");
        assertThat((Map<String, Object>) mammal.get("properties")).containsEntry("name", "mammal.n.01");
        assertThat((List<Object>) mammal.get("graph_position")).hasSize(6);
    }

    @Test
    void aMissingWordNetIsAClearError() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Cli r = Cli.run("wordnet", "--data", tmp.resolve("data").toString(), "--wordnet-dir", empty.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no WordNet at " + empty).contains("apt-get install wordnet-base");
    }
}
