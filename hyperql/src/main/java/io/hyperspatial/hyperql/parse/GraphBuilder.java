package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.GraphPattern;
import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.parse.HyperQLParser.*;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the graph statements (CREATE/DROP EDGE TYPE, INSERT/DELETE EDGE) and graph patterns of the
 * AST. An edge's bracket {@code [e:knows*1..3]} reaches it as one token (the lexer's bracket-quoted
 * name), which {@link EdgeBracket} reads, reporting errors at their column inside the bracket.
 * Not thread-safe; one per parsed text, like {@link AstBuilder}.
 */
final class GraphBuilder {
    private final AstBuilder ast;

    GraphBuilder(AstBuilder ast) {
        this.ast = ast;
    }

    Statement statement(GraphStatementContext ctx) {
        return switch (ctx) {
            case CreateEdgeTypeContext c -> new Statement.CreateEdgeType(AstBuilder.identifier(c.identifier()),
                    c.EXISTS() != null);
            case DropEdgeTypeContext d -> new Statement.DropEdgeType(AstBuilder.identifier(d.identifier()), d.EXISTS() != null);
            case InsertEdgeContext i -> edgeWrite(false, i.identifier(), i.edgeEnds(), i.expr());
            case DeleteEdgeContext d -> edgeWrite(true, d.identifier(), d.edgeEnds(), null);
            default -> throw new IllegalStateException("unhandled graph statement " + ctx.getClass().getSimpleName());
        };
    }

    private Statement edgeWrite(boolean delete, IdentifierContext type, EdgeEndsContext ends, ExprContext weight) {
        SourcePosition at = AstBuilder.position(type);
        return switch (ends) {
            case SingleEdgeEndsContext s -> {
                List<Expr> row = new ArrayList<>(List.of(ast.expr(s.source.expr()), ast.expr(s.target.expr())));
                if (weight != null) {
                    row.add(ast.expr(weight));
                }
                Select pair = new Select(List.of(new Select.Values(List.of(row), at)), List.of(), List.of(), null, null);
                yield new Statement.EdgeWrite(delete, AstBuilder.identifier(type), ast.name(s.source.qualifiedName()),
                        ast.name(s.target.qualifiedName()), pair, at);
            }
            case QueryEdgeEndsContext q -> {
                if (weight != null) {
                    throw new HqlSyntaxException("WEIGHT goes with FROM t(key) TO t(key); a query gives the weight as its third column",
                            AstBuilder.position(weight));
                }
                yield new Statement.EdgeWrite(delete, AstBuilder.identifier(type), ast.name(q.fromTable),
                        ast.name(q.toTable), ast.select(q.select()), at);
            }
            default -> throw new IllegalStateException();
        };
    }

    Select.MatchRef pattern(GraphPatternContext ctx) {
        GraphPattern.Mode mode = ctx.MATCH() != null ? GraphPattern.Mode.ALL_PATHS
                : ctx.WEIGHTED() != null ? GraphPattern.Mode.SHORTEST_WEIGHTED : GraphPattern.Mode.SHORTEST;
        List<GraphPattern.Step> steps = new ArrayList<>();
        for (int i = 0; i < ctx.edgePattern().size(); i++) {
            steps.add(new GraphPattern.Step(edge(ctx.edgePattern(i)), node(ctx.nodePattern(i + 1))));
        }
        return new Select.MatchRef(new GraphPattern(mode, node(ctx.nodePattern(0)), steps, AstBuilder.position(ctx)));
    }

    private static GraphPattern.Node node(NodePatternContext ctx) {
        String variable = ctx.identifier() == null ? null : AstBuilder.identifier(ctx.identifier());
        String label = null;
        NodeLabelContext l = ctx.nodeLabel();
        if (l != null && l.identifier() != null) {
            label = AstBuilder.identifier(l.identifier());
        } else if (l != null) {
            Token t = l.NAMED_PARAMETER().getSymbol();
            if (t.getText().charAt(0) != ':') {
                throw new HqlSyntaxException("syntax error near '" + t.getText() + "': expected ':' and a table name",
                        AstBuilder.position(t));
            }
            label = t.getText().substring(1);
        }
        return new GraphPattern.Node(variable, label, AstBuilder.position(ctx));
    }

    private static GraphPattern.Edge edge(EdgePatternContext ctx) {
        GraphPattern.Direction direction = switch (ctx) {
            case OutgoingEdgeContext o -> GraphPattern.Direction.OUTGOING;
            case IncomingEdgeContext i -> GraphPattern.Direction.INCOMING;
            default -> GraphPattern.Direction.BOTH;
        };
        Token bracket = ctx.getToken(HyperQLParser.QUOTED_IDENTIFIER, 0).getSymbol();
        return EdgeBracket.read(bracket, direction);
    }
}
