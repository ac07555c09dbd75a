package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.cli.output.ProgressLine;
import io.hyperspatial.core.demo.DemoDataset;
import io.hyperspatial.core.imports.wordnet.WordNetHierarchy;
import io.hyperspatial.core.imports.wordnet.WordNetLoader;
import io.hyperspatial.core.imports.wordnet.WordNetReader;
import io.hyperspatial.core.imports.wordnet.WordNetSubset;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The data {@code serve --demo} starts with, created on first use in the served directory:
 * {@value #WORDNET} (WordNet 3.0's noun hierarchy with graph positions learned in
 * {@value #WORDNET_DIMS} dimensions) and {@value #PRODUCTS} (the seeded {@link DemoDataset}).
 * A collection that exists is left as it is, so later starts are immediate.
 */
final class DemoData {
    static final String WORDNET = "wordnet";
    static final String PRODUCTS = "demo";
    static final int WORDNET_DIMS = 10;
    /** Refinement epochs for the demo: well under a minute on two cores (docs/positioning.md has the figures). */
    static final int WORDNET_EPOCHS = 5;
    static final int PRODUCT_ENTITIES = 20_000;
    static final long SEED = 42;

    private DemoData() {
    }

    /**
     * Creates whatever demo collection is missing, showing progress on {@code err}.
     *
     * @param products entities of the product catalog ({@value #PRODUCT_ENTITIES} for {@code serve --demo})
     */
    static void ensure(Database db, Path wordnetDir, int products, PrintWriter out, PrintWriter err) {
        if (db.findCollection(PRODUCTS).isEmpty()) {
            Collection c = db.createCollection(PRODUCTS);
            ProgressLine progress = ProgressLine.onStderr(err, "demo: writing '" + PRODUCTS + "'", "entities", products);
            new DemoDataset(products, SEED, Instant.now()).writeTo(c, (written, total) -> progress.update(written));
            progress.finish();
        }
        if (db.findCollection(WORDNET).isPresent()) {
            return;
        }
        if (!Files.isReadable(wordnetDir.resolve("data.noun"))) {
            out.println("demo: WordNet is not installed (" + wordnetDir + "/data.noun is missing), so there is no '"
                    + WORDNET + "' collection; install it with: apt-get install -y wordnet-base");
            return;
        }
        loadWordNet(db, wordnetDir, err);
    }

    private static void loadWordNet(Database db, Path wordnetDir, PrintWriter err) {
        WordNetHierarchy nouns;
        try {
            nouns = WordNetSubset.NOUNS.select(WordNetReader.read(wordnetDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collection c = db.createCollection(WORDNET);
        try {
            ProgressLine loading = ProgressLine.onStderr(err, "demo: loading WordNet nouns", "synsets", nouns.synsets().size());
            WordNetLoader.load(c, nouns, loading::update);
            loading.finish();
            GraphPositioner.declare(c, WORDNET_DIMS, java.util.List.of(WordNetLoader.EDGE));
            EmbeddingConfig config = EmbeddingConfig.defaults().withSeed(SEED).withEpochs(WORDNET_EPOCHS);
            GraphPositioner.Learned learned;
            try (PositioningProgress progress = new PositioningProgress(err, "demo: learning graph positions",
                    WORDNET_EPOCHS, null)) {
                learned = GraphPositioner.learn(c, config, progress, System.currentTimeMillis(), progress);
            }
            err.println("demo: positions of " + HumanFormat.count(learned.nodes()) + " synsets learned in "
                    + HumanFormat.seconds(learned.embedMillis() * 1_000_000));
            err.flush();
        } catch (RuntimeException e) {
            // a half-made demo collection would be kept by the next start; start over instead
            db.dropCollection(WORDNET);
            throw e;
        }
    }

    /** How to query the demo, for a server at {@code base} (e.g. {@code http://127.0.0.1:7701}). */
    static void printTryThis(PrintWriter out, Database db, String base) {
        out.println();
        out.println("Demo collections:");
        if (db.findCollection(WORDNET).isPresent()) {
            out.println("  " + WORDNET + "  WordNet 3.0 nouns: synsets keyed n<offset> with name, lemmas and gloss, "
                    + "'hypernym' edges, graph positions (" + WORDNET_DIMS + "-d hyperboloid)");
        }
        out.println("  " + PRODUCTS + "     a product taxonomy: categories, items with 32-d embeddings, edges, time series");
        out.println();
        out.println("Try:");
        if (db.findCollection(WORDNET).isPresent()) {
            out.println("  curl -s " + base + "/v1/collections/" + WORDNET + "/entities/n02084071        # dog.n.01");
            out.println("  curl -s -X POST " + base + "/v1/collections/" + WORDNET + "/search -d '{\"field\": \"position.graph\", "
                    + "\"like\": \"n02084071\", \"k\": 5, \"properties\": [\"name\"]}'   # nearest in the hierarchy");
        }
        out.println("  curl -s -X POST " + base + "/v1/collections/" + PRODUCTS + "/search -d '{\"field\": \"embedding\", "
                + "\"like\": \"item:42\", \"k\": 5, \"properties\": [\"name\"]}'");
        out.println("  curl -s " + base + "/v1/collections            # every collection with its schema and stats");
        out.println("  " + Launcher.command() + " repl --url " + base + " -c " + PRODUCTS
                + "   # a HyperQL shell, e.g. SELECT name, price FROM Item ORDER BY price DESC LIMIT 3;");
        out.println("  curl -s " + base + "/v1/metrics                # Prometheus metrics");
        out.println("The HTTP API: docs/http-api.md; the command line: docs/cli.md (repl, query and schema take --url;"
                + " the others open the data directory, so stop the server first or use another --data)");
    }
}
