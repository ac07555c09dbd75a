package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.parse.HyperQLParser.IdentifierContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionDimensionsContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionEdgeTypesContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionEpochsContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionFieldContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionOptionContext;
import io.hyperspatial.hyperql.parse.HyperQLParser.RepositionSeedContext;
import io.hyperspatial.hyperql.source.Repositioner;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds {@code REPOSITION [GRAPH | EMBEDDING | PROPERTY] option*} (GRAPH when no kind is named).
 * Each option may be given once and only where it applies: {@code USING EDGE TYPE} and
 * {@code EPOCHS} to graph positions, {@code FROM column} to embedding positions (where it is
 * required); {@code DIMENSIONS} is 1 to {@value #MAX_DIMENSIONS}, {@code EPOCHS} 0 to
 * {@value #MAX_EPOCHS}. Stateless.
 */
final class RepositionBuilder {
    static final int MAX_DIMENSIONS = 1024;
    static final int MAX_EPOCHS = 10_000;

    private RepositionBuilder() {
    }

    static Statement.Reposition build(RepositionContext ctx) {
        Repositioner.Kind kind = ctx.kind == null ? Repositioner.Kind.GRAPH
                : Repositioner.Kind.valueOf(ctx.kind.getText().toUpperCase(Locale.ROOT));
        List<String> edgeTypes = new ArrayList<>();
        String field = null;
        Integer dimensions = null;
        Integer epochs = null;
        Long seed = null;
        Set<String> given = new HashSet<>();
        for (RepositionOptionContext o : ctx.repositionOption()) {
            String name = o.getStart().getText().toUpperCase(Locale.ROOT);
            SourcePosition at = AstBuilder.position(o);
            if (!given.add(name)) {
                throw new HqlSyntaxException("REPOSITION takes " + name + " once", at);
            }
            switch (o) {
                case RepositionEdgeTypesContext e -> {
                    only(kind, Repositioner.Kind.GRAPH, "USING EDGE TYPE", at);
                    for (IdentifierContext t : e.identifier()) {
                        edgeTypes.add(AstBuilder.identifier(t));
                    }
                }
                case RepositionFieldContext f -> {
                    only(kind, Repositioner.Kind.EMBEDDING, "FROM", at);
                    field = AstBuilder.identifier(f.identifier());
                }
                case RepositionDimensionsContext d -> dimensions = (int) integer(false, d.INTEGER_LITERAL(), 1, MAX_DIMENSIONS, "DIMENSIONS");
                case RepositionEpochsContext e -> {
                    only(kind, Repositioner.Kind.GRAPH, "EPOCHS", at);
                    epochs = (int) integer(false, e.INTEGER_LITERAL(), 0, MAX_EPOCHS, "EPOCHS");
                }
                case RepositionSeedContext s -> seed = integer(s.minus != null, s.INTEGER_LITERAL(), Long.MIN_VALUE, Long.MAX_VALUE, "SEED");
                default -> throw new IllegalStateException("unhandled REPOSITION option " + o.getClass().getSimpleName());
            }
        }
        if (kind == Repositioner.Kind.EMBEDDING && field == null) {
            throw new HqlSyntaxException("REPOSITION EMBEDDING needs FROM <vector column>, the column the positions come from",
                    AstBuilder.position(ctx));
        }
        return new Statement.Reposition(new Repositioner.Request(kind, edgeTypes, field, dimensions, epochs, seed),
                AstBuilder.position(ctx));
    }

    private static void only(Repositioner.Kind kind, Repositioner.Kind applies, String option, SourcePosition at) {
        if (kind != applies) {
            throw new HqlSyntaxException(option + " applies to REPOSITION " + applies + ", not " + kind, at);
        }
    }

    private static long integer(boolean negative, TerminalNode literal, long min, long max, String option) {
        SourcePosition at = AstBuilder.position(literal);
        long v;
        try {
            v = Long.parseLong((negative ? "-" : "") + literal.getText());
        } catch (NumberFormatException e) {
            throw new HqlSemanticException(ErrorCode.HQL_OUT_OF_RANGE, option + " " + literal.getText() + " is not an integer in "
                    + min + ".." + max, at);
        }
        if (v < min || v > max) {
            throw new HqlSemanticException(ErrorCode.HQL_OUT_OF_RANGE, option + " must be in " + min + ".." + max + ", got " + v, at);
        }
        return v;
    }
}
