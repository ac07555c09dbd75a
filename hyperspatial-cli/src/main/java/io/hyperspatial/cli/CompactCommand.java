package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.server.operation.Compaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code hyperspatial compact}: flushes one collection's memtables and compacts each of its tables
 * into one sorted run, as after a bulk load or a large delete (see {@link Compaction}). Opens an
 * existing database only; a served database is compacted through the server's
 * {@code POST /v1/collections/{c}/compact}.
 */
@Command(name = "compact", description = {"Compact a collection's storage into one sorted run per table.",
        "For after a bulk load or a large delete: later reads seek one file instead of several.",
        "Opens --data, never creating it. On a server: POST /v1/collections/NAME/compact."})
final class CompactCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection to compact.")
    private String collection;

    @Override
    public Integer call() {
        try (Database db = data.openExisting()) {
            Compaction done = Compaction.of(db.collection(collection));
            spec.commandLine().getOut().println("Compacted collection '" + collection + "' in " + data.absolute()
                    + " in " + HumanFormat.seconds(done.nanos()) + ": " + HumanFormat.bytes(done.diskBytesBefore())
                    + " on disk before, " + HumanFormat.bytes(done.diskBytesAfter()) + " after.");
        }
        return 0;
    }
}
