package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.cli.output.ProgressLine;
import io.hyperspatial.core.imports.wordnet.WordNetHierarchy;
import io.hyperspatial.core.imports.wordnet.WordNetLoader;
import io.hyperspatial.core.imports.wordnet.WordNetReader;
import io.hyperspatial.core.imports.wordnet.WordNetSubset;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial wordnet}: loads WordNet 3.0's noun hierarchy (Debian's {@code wordnet-base})
 * into a collection: synsets as entities, hypernym edges (see {@link WordNetLoader}).
 */
@Command(name = "wordnet", description = {"Load WordNet 3.0 nouns (or the mammal subtree) into a collection.",
        "Each noun synset becomes an entity keyed n + its 8-digit offset (n01861778), with properties",
        "name (mammal.n.01), lemmas and gloss, and a 'hypernym' edge to each direct hypernym.",
        "Reads Debian's wordnet-base (apt-get install wordnet-base)."})
final class WordNetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", defaultValue = "wordnet",
            description = "The collection to create (default: ${DEFAULT-VALUE}).")
    private String collection;

    @Option(names = "--subset", paramLabel = "SUBSET", defaultValue = "nouns",
            description = "nouns (82,115 synsets, default) or mammals (1,180 synsets under mammal.n.01).")
    private String subset;

    @Option(names = "--wordnet-dir", paramLabel = "DIR", defaultValue = "/usr/share/wordnet",
            description = "Where data.noun and index.noun are (default: ${DEFAULT-VALUE}).")
    private Path wordnetDir;

    @Option(names = "--force", description = "Replace the collection if it exists.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        WordNetSubset which = parseSubset();
        if (!Files.isReadable(wordnetDir.resolve("data.noun"))) {
            throw new CommandFailure("no WordNet at " + wordnetDir + " (data.noun is missing): install Debian's"
                    + " wordnet-base (apt-get install wordnet-base) or pass --wordnet-dir");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        WordNetHierarchy wordnet = which.select(WordNetReader.read(wordnetDir));
        try (Database db = data.openOrCreate()) {
            Collection c = data.freshCollection(db, collection, force);
            ProgressLine progress = ProgressLine.onStderr(err, "loading " + which.label(), "synsets",
                    wordnet.synsets().size());
            WordNetLoader.Loaded loaded;
            try {
                loaded = WordNetLoader.load(c, wordnet, progress::update);
            } finally {
                progress.finish();
            }
            out.println("Loaded WordNet " + which.label() + " into '" + collection + "' in " + data.absolute() + " ("
                    + HumanFormat.seconds(System.nanoTime() - start) + "): " + HumanFormat.count(loaded.synsets())
                    + " synsets, " + HumanFormat.count(loaded.edges()) + " hypernym edges.");
            out.println("Learn positions: " + Launcher.command() + " position --data " + Launcher.shell(data.absolute().toString())
                    + " --collection " + Launcher.shell(collection) + " --edge-type " + WordNetLoader.EDGE
                    + (which == WordNetSubset.MAMMALS ? " --dims 5" : " --dims 10"));
        }
        out.flush();
        return 0;
    }

    private WordNetSubset parseSubset() {
        try {
            return WordNetSubset.parse(subset);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--subset: " + e.getMessage());
        }
    }
}
