package io.hyperspatial.cli;

import io.hyperspatial.cli.output.TextTable;
import io.hyperspatial.core.positioning.TrajectoryAnalysis;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.PositionSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code hyperspatial position trajectory}: how one entity's position moved over time. */
@Command(name = "trajectory", description = {"Analyse an entity's position history: drift (first to last),",
        "path length, and per step the distance moved, velocity and acceleration (per second)."})
final class PositionTrajectoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection.")
    private String collection;

    @Option(names = "--key", paramLabel = "KEY", required = true, description = "The entity.")
    private String key;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "graph",
            description = "graph (default), embedding or property.")
    private String kind;

    @Override
    public Integer call() {
        PositionKind which = PositionOptions.kind(spec, kind);
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = data.openExisting()) {
            Collection c = db.collection(collection);
            UUID id = c.ids().forKey(key);
            List<PositionSnapshot> trajectory;
            double curvature;
            try (ReadView view = c.snapshot()) {
                if (!view.entities().exists(id)) {
                    throw new CommandFailure("collection '" + collection + "' has no entity with key '" + key + "'");
                }
                trajectory = view.positions().trajectory(id, which, Long.MIN_VALUE, Long.MAX_VALUE);
                curvature = view.schema().positionSpace(which).map(s -> s.curvature()).orElse(1.0);
            }
            if (trajectory.isEmpty()) {
                throw new CommandFailure("entity '" + key + "' has no " + which.name().toLowerCase(Locale.ROOT) + " position");
            }
            TrajectoryAnalysis a = TrajectoryAnalysis.of(trajectory, curvature);
            out.printf(Locale.ROOT, "%d positions from %s to %s: drift %.6f, path length %.6f, mean velocity %.6g/s%n",
                    a.snapshots(), Instant.ofEpochMilli(a.firstMillis()), Instant.ofEpochMilli(a.lastMillis()), a.drift(),
                    a.pathLength(), a.meanVelocity());
            if (!a.steps().isEmpty()) {
                TextTable table = new TextTable("FROM", "TO", "DISTANCE", "VELOCITY/S", "ACCELERATION/S²").alignRight(2, 3, 4);
                for (TrajectoryAnalysis.Step s : a.steps()) {
                    table.add(Instant.ofEpochMilli(s.fromMillis()), Instant.ofEpochMilli(s.toMillis()),
                            String.format(Locale.ROOT, "%.6f", s.distance()), String.format(Locale.ROOT, "%.6g", s.velocity()),
                            Double.isNaN(s.acceleration()) ? "-" : String.format(Locale.ROOT, "%.6g", s.acceleration()));
                }
                out.println();
                table.print(out);
            }
        }
        out.flush();
        return 0;
    }
}
