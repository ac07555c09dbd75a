package io.hyperspatial.cli;

import io.hyperspatial.manifold.table.PositionKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parsing shared by the {@code position} commands. */
final class PositionOptions {
    private PositionOptions() {
    }

    /** The kind named {@code graph}, {@code embedding} or {@code property}; a usage error otherwise. */
    static PositionKind kind(CommandSpec spec, String name) {
        try {
            return PositionKind.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--kind must be graph, embedding or property, got '" + name + "'");
        }
    }
}
