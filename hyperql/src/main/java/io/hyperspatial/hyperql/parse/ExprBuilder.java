package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.parse.HyperQLParser.*;
import io.hyperspatial.hyperql.value.Blob;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Converts expression parse trees into {@link Expr} nodes, one precedence level per method.
 * Not thread-safe: it numbers the statement's parameters in the order they appear (a repeated
 * {@code $name} keeps its first number).
 */
final class ExprBuilder {
    private static final String MIN_LONG_MAGNITUDE = "9223372036854775808";

    private final AstBuilder statements;
    private final String text;
    private final java.util.Map<String, Integer> namedParameters = new java.util.HashMap<>();
    private int parameterSlots;

    ExprBuilder(AstBuilder statements, String text) {
        this.statements = statements;
        this.text = text;
    }

    Expr expr(ExprContext ctx) {
        return or(ctx.orExpr());
    }

    private Expr or(OrExprContext ctx) {
        Expr e = and(ctx.andExpr(0));
        for (int i = 1; i < ctx.andExpr().size(); i++) {
            e = new Expr.Binary("OR", e, and(ctx.andExpr(i)), e.position());
        }
        return e;
    }

    private Expr and(AndExprContext ctx) {
        Expr e = not(ctx.notExpr(0));
        for (int i = 1; i < ctx.notExpr().size(); i++) {
            e = new Expr.Binary("AND", e, not(ctx.notExpr(i)), e.position());
        }
        return e;
    }

    private Expr not(NotExprContext ctx) {
        if (ctx.NOT() != null) {
            return new Expr.Unary("NOT", not(ctx.notExpr()), AstBuilder.position(ctx));
        }
        return equality(ctx.equality());
    }

    private Expr equality(EqualityContext ctx) {
        Expr e = comparison(ctx.comparison());
        for (EqualityTailContext tail : ctx.equalityTail()) {
            e = equalityTail(e, tail);
        }
        return e;
    }

    private Expr equalityTail(Expr left, EqualityTailContext tail) {
        SourcePosition at = left.position();
        return switch (tail) {
            case EqualsTailContext t -> {
                String op = t.op.getText();
                op = op.equals("==") ? "=" : op.equals("<>") ? "!=" : op;
                yield new Expr.Binary(op, left, comparison(t.comparison()), at);
            }
            case IsTailContext t -> {
                // IS DISTINCT FROM is IS NOT; IS NOT DISTINCT FROM is IS.
                boolean negated = (t.NOT() != null) != (t.DISTINCT() != null);
                Expr right = comparison(t.comparison());
                if (right instanceof Expr.Literal l && l.value() == null) {
                    yield new Expr.NullTest(left, negated, at);
                }
                yield new Expr.Is(left, right, negated, at);
            }
            case InTailContext t -> t.select() != null
                    ? new Expr.InSelect(left, statements.select(t.select()), t.NOT() != null, at)
                    : new Expr.InList(left, statements.exprList(t.expr()), t.NOT() != null, at);
            case InTableTailContext t -> new Expr.InSelect(left, selectAllFrom(t), t.NOT() != null, at);
            case LikeTailContext t -> new Expr.Like(left, comparison(t.comparison(0)),
                    t.comparison().size() > 1 ? comparison(t.comparison(1)) : null, t.NOT() != null,
                    t.op.getType() == HyperQLParser.GLOB, at);
            case BetweenTailContext t -> new Expr.Between(left, comparison(t.comparison(0)),
                    comparison(t.comparison(1)), t.NOT() != null, at);
            case NullTestTailContext t -> new Expr.NullTest(left, t.ISNULL() == null, at);
            case NearTailContext t -> new Expr.Near(left, comparison(t.comparison(0)), comparison(t.comparison(1)),
                    AstBuilder.position(t), at);
            default -> throw new IllegalStateException();
        };
    }

    /** {@code x IN t} means {@code x IN (SELECT * FROM t)}. */
    private Select selectAllFrom(InTableTailContext t) {
        SourcePosition at = AstBuilder.position(t.qualifiedName());
        Select.QuerySpec spec = new Select.QuerySpec(false, List.of(new Select.AllColumns()),
                new Select.TableRef(statements.name(t.qualifiedName()), null, at), null, List.of(), null, at);
        return new Select(List.of(spec), List.of(), List.of(), null, null);
    }

    private Expr comparison(ComparisonContext ctx) {
        return leftFold(ctx, ctx.bitwise().stream().map(this::bitwise).toList());
    }

    private Expr bitwise(BitwiseContext ctx) {
        return leftFold(ctx, ctx.distance().stream().map(this::distance).toList());
    }

    private Expr distance(DistanceContext ctx) {
        return leftFold(ctx, ctx.additive().stream().map(this::additive).toList());
    }

    private Expr additive(AdditiveContext ctx) {
        return leftFold(ctx, ctx.multiplicative().stream().map(this::multiplicative).toList());
    }

    private Expr multiplicative(MultiplicativeContext ctx) {
        return leftFold(ctx, ctx.concat().stream().map(this::concat).toList());
    }

    private Expr concat(ConcatContext ctx) {
        return leftFold(ctx, ctx.unary().stream().map(this::unary).toList());
    }

    /** Operands and operators alternate among the children: fold them left to right. */
    private static Expr leftFold(ParserRuleContext ctx, List<Expr> operands) {
        Expr e = operands.get(0);
        for (int i = 1; i < operands.size(); i++) {
            String op = ctx.getChild(2 * i - 1).getText();
            e = new Expr.Binary(op, e, operands.get(i), e.position());
        }
        return e;
    }

    private Expr unary(UnaryContext ctx) {
        if (ctx.op == null) {
            return postfix(ctx.postfix());
        }
        SourcePosition at = AstBuilder.position(ctx);
        String op = ctx.op.getText();
        if (op.equals("-") && MIN_LONG_MAGNITUDE.equals(ctx.unary().getText())) {
            return new Expr.Literal(Long.MIN_VALUE, at);
        }
        Expr operand = unary(ctx.unary());
        if (op.equals("-") && operand instanceof Expr.Literal l && l.value() instanceof Double d) {
            // A minus written on a real literal makes a negative literal, as in SQLite: - 0.0 is
            // -0.0, while negating a value at run time gives 0 - x (see Arithmetic.negate).
            return new Expr.Literal(-d, at);
        }
        return new Expr.Unary(op, operand, at);
    }

    private Expr postfix(PostfixContext ctx) {
        // COLLATE is accepted; comparisons are always binary.
        return primary(ctx.primary());
    }

    private Expr primary(PrimaryContext ctx) {
        SourcePosition at = AstBuilder.position(ctx);
        return switch (ctx) {
            case LiteralPrimaryContext l -> literal(l.literal());
            case ParameterPrimaryContext p -> parameter(p.parameter());
            case ParenthesizedPrimaryContext p -> p.expr().size() == 1 ? expr(p.expr(0))
                    : new Expr.RowValue(statements.exprList(p.expr()), at);
            case SubqueryPrimaryContext s -> new Expr.ScalarSubquery(statements.select(s.select()), at);
            case ExistsPrimaryContext e -> new Expr.Exists(statements.select(e.select()), at);
            case CastPrimaryContext c -> new Expr.Cast(expr(c.expr()), statements.typeName(c.typeName()), at);
            case CasePrimaryContext c -> casePrimary(c, at);
            case FunctionPrimaryContext f -> new Expr.FunctionCall(AstBuilder.identifier(f.name).toLowerCase(Locale.ROOT),
                    statements.exprList(f.expr()), f.DISTINCT() != null, f.star != null, at);
            case ColumnPrimaryContext c -> c.identifier().size() == 1
                    ? new Expr.ColumnName(null, AstBuilder.identifier(c.identifier(0)), at)
                    : new Expr.ColumnName(AstBuilder.identifier(c.identifier(0)), AstBuilder.identifier(c.identifier(1)), at);
            default -> throw new IllegalStateException();
        };
    }

    private Expr casePrimary(CasePrimaryContext c, SourcePosition at) {
        List<ExprContext> all = c.expr();
        int first = c.operand == null ? 0 : 1;
        int last = c.elseExpr == null ? all.size() : all.size() - 1;
        List<Expr.When> whens = new ArrayList<>();
        for (int i = first; i < last; i += 2) {
            whens.add(new Expr.When(expr(all.get(i)), expr(all.get(i + 1))));
        }
        return new Expr.Case(c.operand == null ? null : expr(c.operand), whens,
                c.elseExpr == null ? null : expr(c.elseExpr), at);
    }

    private Expr parameter(ParameterContext p) {
        SourcePosition at = AstBuilder.position(p);
        if (p.QUESTION() != null) {
            return new Expr.Parameter(parameterSlots++, null, at);
        }
        String name = p.NAMED_PARAMETER().getText().substring(1);
        int slot = namedParameters.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> parameterSlots++);
        return new Expr.Parameter(slot, name, at);
    }

    Expr literal(LiteralContext ctx) {
        Token t = ctx.getStart();
        SourcePosition at = AstBuilder.position(t);
        String s = t.getText();
        return switch (t.getType()) {
            case HyperQLParser.INTEGER_LITERAL -> new Expr.Literal(integer(s), at);
            case HyperQLParser.REAL_LITERAL -> new Expr.Literal(Double.parseDouble(s), at);
            case HyperQLParser.STRING_LITERAL -> new Expr.Literal(s.substring(1, s.length() - 1).replace("''", "'"), at);
            case HyperQLParser.BLOB_LITERAL -> new Expr.Literal(blob(s, at), at);
            case HyperQLParser.NULL -> new Expr.Literal(null, at);
            case HyperQLParser.TRUE -> new Expr.Literal(1L, at);
            case HyperQLParser.FALSE -> new Expr.Literal(0L, at);
            default -> new Expr.FunctionCall(s.toLowerCase(Locale.ROOT), List.of(), false, false, at);
        };
    }

    Expr signedNumber(SignedNumberContext ctx) {
        SourcePosition at = AstBuilder.position(ctx);
        String s = ctx.getText();
        boolean negative = s.startsWith("-");
        String magnitude = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (negative && magnitude.equals(MIN_LONG_MAGNITUDE)) {
            return new Expr.Literal(Long.MIN_VALUE, at);
        }
        Object v = ctx.INTEGER_LITERAL() != null ? integer(magnitude) : (Object) Double.parseDouble(magnitude);
        if (negative) {
            v = v instanceof Long l ? (Object) (-l) : (Object) (-(Double) v);
        }
        return new Expr.Literal(v, at);
    }

    private static Object integer(String s) {
        if (s.length() > 2 && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            return Long.parseUnsignedLong(s.substring(2), 16);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Double.parseDouble(s);
        }
    }

    private static Blob blob(String s, SourcePosition at) {
        String hex = s.substring(2, s.length() - 1);
        if (hex.length() % 2 != 0) {
            throw new HqlSyntaxException("a blob literal needs an even number of hex digits", at);
        }
        return new Blob(HexFormat.of().parseHex(hex));
    }

    String text(ParserRuleContext ctx) {
        return AstBuilder.source(text, ctx);
    }
}
