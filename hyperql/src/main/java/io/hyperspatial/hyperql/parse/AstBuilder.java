package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.ast.TypeName;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.parse.HyperQLParser.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts ANTLR's parse tree into the AST, once; statements and clauses here, expressions in
 * {@link ExprBuilder}. Not thread-safe: one builder per parsed text (it numbers the {@code ?} parameters).
 */
final class AstBuilder {
    private final ExprBuilder exprs;
    private final GraphBuilder graphs;

    AstBuilder(String text) {
        this.exprs = new ExprBuilder(this, text);
        this.graphs = new GraphBuilder(this);
    }

    List<Statement> script(ScriptContext ctx) {
        List<Statement> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            out.add(statement(s));
        }
        return out;
    }

    Statement statement(StatementContext ctx) {
        return switch (ctx) {
            case ExplainStatementContext e -> new Statement.Explain(statement(e.statement()));
            case SelectStatementContext s -> new Statement.Query(select(s.select()));
            case CreateTableStatementContext c -> createTable(c.createTable());
            case CreateIndexStatementContext c -> createIndex(c.createIndex());
            case CreateViewStatementContext c -> new Statement.CreateView(name(c.createView().qualifiedName()),
                    c.createView().identifierList() == null ? List.of() : names(c.createView().identifierList()),
                    select(c.createView().select()), text(c.createView().select()), c.createView().EXISTS() != null);
            case CreateTriggerStatementContext c -> createTrigger(c.createTrigger());
            case DropStatementContext d -> new Statement.Drop(
                    Statement.ObjectKind.valueOf(d.kind.getText().toUpperCase(Locale.ROOT)),
                    name(d.qualifiedName()), d.EXISTS() != null);
            case AlterVectorIndexStatementContext a -> alterVectorIndex(a.alterVectorIndex());
            case AddColumnStatementContext a -> {
                List<Statement.Check> checks = new ArrayList<>();
                Statement.ColumnDef column = columnDef(a.columnDef(), checks);
                yield new Statement.AddColumn(name(a.table), column, checks, position(a.columnDef()));
            }
            case RenameTableStatementContext r -> new Statement.RenameTable(name(r.table), identifier(r.newName));
            case RenameColumnStatementContext r -> new Statement.RenameColumn(name(r.table), identifier(r.column),
                    identifier(r.newName));
            case DropColumnStatementContext d -> new Statement.DropColumn(name(d.table), identifier(d.column));
            case ReindexStatementContext r -> new Statement.Reindex(r.qualifiedName() == null ? null : name(r.qualifiedName()));
            case InsertStatementContext i -> insert(i.insert());
            case UpdateStatementContext u -> update(u.update());
            case DeleteStatementContext d -> delete(d.delete());
            case GraphStatementStatementContext g -> graphs.statement(g.graphStatement());
            case RepositionStatementContext r -> RepositionBuilder.build(r.reposition());
            default -> throw new IllegalStateException("unhandled statement " + ctx.getClass().getSimpleName());
        };
    }

    Expr expr(ExprContext ctx) {
        return exprs.expr(ctx);
    }

    private Statement delete(DeleteContext ctx) {
        return new Statement.Delete(name(ctx.qualifiedName()), ctx.expr() == null ? null : expr(ctx.expr()));
    }

    private Statement createTrigger(CreateTriggerContext ctx) {
        if (ctx.INSTEAD() != null) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED,
                    "INSTEAD OF triggers are not supported; triggers run BEFORE or AFTER a table's rows change",
                    position(ctx.INSTEAD().getSymbol()));
        }
        Statement.TriggerTiming timing = ctx.timing != null && ctx.timing.getType() == HyperQLParser.AFTER
                ? Statement.TriggerTiming.AFTER : Statement.TriggerTiming.BEFORE;
        Statement.TriggerEvent event = Statement.TriggerEvent.valueOf(ctx.event.getText().toUpperCase(Locale.ROOT));
        List<Statement> body = new ArrayList<>();
        for (TriggerStepContext step : ctx.triggerStep()) {
            body.add(step.insert() != null ? insert(step.insert())
                    : step.update() != null ? update(step.update())
                    : step.delete() != null ? delete(step.delete())
                    : new Statement.Query(select(step.select())));
        }
        return new Statement.CreateTrigger(name(ctx.name), ctx.EXISTS() != null, timing, event,
                ctx.identifierList() == null ? List.of() : names(ctx.identifierList()), name(ctx.table),
                ctx.when == null ? null : expr(ctx.when), body, text(ctx), position(ctx));
    }

    private Statement createTable(CreateTableContext ctx) {
        String name = name(ctx.qualifiedName());
        boolean ifNotExists = ctx.EXISTS() != null;
        if (ctx.select() != null) {
            return new Statement.CreateTable(name, ifNotExists, List.of(), List.of(), List.of(), select(ctx.select()));
        }
        List<Statement.ColumnDef> columns = new ArrayList<>();
        List<Statement.Check> checks = new ArrayList<>();
        for (ColumnDefContext c : ctx.columnDef()) {
            columns.add(columnDef(c, checks));
        }
        List<String> primaryKey = new ArrayList<>();
        List<List<String>> unique = new ArrayList<>();
        for (TableConstraintContext t : ctx.tableConstraint()) {
            if (t.CHECK() != null) {
                checks.add(check(t.constraintName, null, t.expr()));
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (IndexedColumnContext ic : t.indexedColumn()) {
                cols.add(identifier(ic.identifier(0)));
            }
            if (t.PRIMARY() != null) {
                primaryKey.addAll(cols);
            } else if (t.UNIQUE() != null) {
                unique.add(cols);
            }
        }
        return new Statement.CreateTable(name, ifNotExists, columns, primaryKey, unique, null, checks);
    }

    private Statement.Check check(IdentifierContext name, String column, ExprContext e) {
        return new Statement.Check(name == null ? null : identifier(name), column, expr(e), text(e), position(e));
    }

    private Statement alterVectorIndex(AlterVectorIndexContext ctx) {
        return new Statement.AlterVectorIndex(name(ctx.table), identifier(ctx.column),
                VectorIndexOptionsBuilder.build(ctx.vectorIndexOption()), position(ctx.table), position(ctx.column));
    }

    private Statement.ColumnDef columnDef(ColumnDefContext ctx, List<Statement.Check> checks) {
        TypeName type = ctx.typeName() == null ? TypeName.NONE : typeName(ctx.typeName());
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        Expr defaultValue = null;
        String defaultText = null;
        String name = identifier(ctx.identifier());
        for (ColumnConstraintContext cc : ctx.columnConstraint()) {
            switch (cc.columnConstraintBody()) {
                case NotNullConstraintContext n -> notNull = true;
                case PrimaryKeyConstraintContext p -> primaryKey = true;
                case UniqueConstraintContext u -> unique = true;
                case DefaultConstraintContext d -> {
                    defaultValue = defaultValue(d);
                    defaultText = d.expr() != null ? text(d.expr()) : d.literal() != null ? text(d.literal())
                            : text(d.signedNumber());
                }
                case CheckConstraintContext c -> checks.add(check(cc.constraintName, name, c.expr()));
                default -> {
                    // NULL and COLLATE change nothing; REFERENCES is not enforced, as in SQLite by default.
                }
            }
        }
        return new Statement.ColumnDef(name, type, notNull, primaryKey, unique, defaultValue, defaultText);
    }

    private Expr defaultValue(DefaultConstraintContext d) {
        if (d.expr() != null) {
            return expr(d.expr());
        }
        if (d.literal() != null) {
            return exprs.literal(d.literal());
        }
        return exprs.signedNumber(d.signedNumber());
    }

    TypeName typeName(TypeNameContext ctx) {
        if (ctx.VECTOR() != null) {
            int dims;
            try {
                dims = Integer.parseInt(ctx.dimensions.getText());
            } catch (NumberFormatException e) {
                dims = 0;
            }
            if (dims <= 0) {
                throw new HqlSyntaxException("VECTOR needs a positive number of dimensions, got " + ctx.dimensions.getText(),
                        position(ctx.dimensions));
            }
            String metric = ctx.metric == null ? "l2" : identifier(ctx.metric).toLowerCase(Locale.ROOT);
            return new TypeName("VECTOR(" + dims + ")", dims, metric, VectorIndexOptionsBuilder.build(ctx.vectorIndexOption()));
        }
        return new TypeName(text(ctx), 0, null);
    }

    private Statement createIndex(CreateIndexContext ctx) {
        if (ctx.WHERE() != null) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "partial indexes (CREATE INDEX ... WHERE) are not supported",
                    position(ctx.WHERE().getSymbol()));
        }
        List<String> columns = new ArrayList<>();
        for (IndexedColumnContext ic : ctx.indexedColumn()) {
            columns.add(identifier(ic.identifier(0)));
        }
        return new Statement.CreateIndex(name(ctx.name), name(ctx.table), columns, ctx.UNIQUE() != null,
                ctx.EXISTS() != null);
    }

    private Statement insert(InsertContext ctx) {
        Statement.Conflict conflict = Statement.Conflict.ABORT;
        if (ctx.INSERT() == null || (ctx.conflict != null && ctx.conflict.getType() == HyperQLParser.REPLACE)) {
            conflict = Statement.Conflict.REPLACE;
        } else if (ctx.conflict != null && ctx.conflict.getType() == HyperQLParser.IGNORE) {
            conflict = Statement.Conflict.IGNORE;
        }
        List<String> columns = ctx.identifierList() == null ? List.of() : names(ctx.identifierList());
        Select source = ctx.select() == null ? null : select(ctx.select());
        return new Statement.Insert(name(ctx.qualifiedName()), columns, source, conflict);
    }

    private Statement update(UpdateContext ctx) {
        List<Statement.Assignment> assignments = new ArrayList<>();
        for (AssignmentContext a : ctx.assignment()) {
            if (a.identifierList() == null) {
                assignments.add(new Statement.Assignment(identifier(a.identifier()), expr(a.expr())));
            } else {
                assignments.addAll(rowAssignment(names(a.identifierList()), expr(a.expr())));
            }
        }
        Statement.Conflict conflict = ctx.conflict == null ? Statement.Conflict.ABORT
                : ctx.conflict.getType() == HyperQLParser.REPLACE ? Statement.Conflict.REPLACE
                : ctx.conflict.getType() == HyperQLParser.IGNORE ? Statement.Conflict.IGNORE : Statement.Conflict.ABORT;
        return new Statement.Update(name(ctx.qualifiedName()), assignments, ctx.expr() == null ? null : expr(ctx.expr()),
                conflict);
    }

    /** {@code SET (a, b) = (x, y)}: one assignment per column; the value must be a row value of that width. */
    private static List<Statement.Assignment> rowAssignment(List<String> columns, Expr value) {
        if (value instanceof Expr.ScalarSubquery) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED,
                    "assigning a subquery's row to several columns is not supported; assign each column", value.position());
        }
        List<Expr> values = value instanceof Expr.RowValue r ? r.items() : List.of(value);
        if (values.size() != columns.size()) {
            throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, columns.size() + " columns assigned "
                    + values.size() + " values", value.position());
        }
        List<Statement.Assignment> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(new Statement.Assignment(columns.get(i), values.get(i)));
        }
        return out;
    }

    Select select(SelectContext ctx) {
        List<Select.Core> cores = new ArrayList<>();
        for (SelectCoreContext c : ctx.selectCore()) {
            cores.add(core(c));
        }
        List<Select.SetOperator> operators = new ArrayList<>();
        for (CompoundOperatorContext op : ctx.compoundOperator()) {
            if (op.UNION() != null) {
                operators.add(op.ALL() != null ? Select.SetOperator.UNION_ALL : Select.SetOperator.UNION);
            } else if (op.INTERSECT() != null) {
                operators.add(Select.SetOperator.INTERSECT);
            } else {
                operators.add(Select.SetOperator.EXCEPT);
            }
        }
        List<Select.OrderItem> orderBy = new ArrayList<>();
        if (ctx.orderBy() != null) {
            for (OrderingTermContext t : ctx.orderBy().orderingTerm()) {
                Boolean nullsFirst = t.NULLS() == null ? null : t.FIRST() != null;
                orderBy.add(new Select.OrderItem(expr(t.expr()), t.DESC() != null, nullsFirst));
            }
        }
        Expr limit = null;
        Expr offset = null;
        if (ctx.limit() != null) {
            List<ExprContext> parts = ctx.limit().expr();
            if (parts.size() == 1) {
                limit = expr(parts.get(0));
            } else if (ctx.limit().OFFSET() != null) {
                limit = expr(parts.get(0));
                offset = expr(parts.get(1));
            } else {
                offset = expr(parts.get(0));
                limit = expr(parts.get(1));
            }
        }
        Select.With with = null;
        if (ctx.withClause() != null) {
            List<Select.CommonTable> tables = new ArrayList<>();
            for (var t : ctx.withClause().commonTable()) {
                tables.add(new Select.CommonTable(identifier(t.identifier()),
                        t.identifierList() == null ? List.of() : names(t.identifierList()), select(t.select()), position(t)));
            }
            with = new Select.With(ctx.withClause().RECURSIVE() != null, tables);
        }
        return new Select(cores, operators, orderBy, limit, offset, with);
    }

    private Select.Core core(SelectCoreContext ctx) {
        return switch (ctx) {
            case ValuesClauseContext v -> {
                List<List<Expr>> rows = new ArrayList<>();
                for (ValuesRowContext r : v.valuesRow()) {
                    rows.add(exprList(r.expr()));
                }
                yield new Select.Values(rows, position(v));
            }
            case QuerySpecificationContext q -> {
                List<Select.Item> items = new ArrayList<>();
                for (ResultColumnContext rc : q.resultColumn()) {
                    items.add(switch (rc) {
                        case AllColumnsContext a -> new Select.AllColumns();
                        case TableColumnsContext t -> new Select.TableColumns(identifier(t.identifier()), position(t));
                        case ExprColumnContext e -> new Select.ExprItem(expr(e.expr()),
                                e.alias == null ? null : identifier(e.alias), text(e.expr()));
                        default -> throw new IllegalStateException();
                    });
                }
                Select.From from = q.from() == null ? null : from(q.from());
                yield new Select.QuerySpec(q.DISTINCT() != null, items, from,
                        q.where == null ? null : expr(q.where), exprList(groupByExprs(q)),
                        q.having == null ? null : expr(q.having), position(q));
            }
            default -> throw new IllegalStateException();
        };
    }

    private static List<ExprContext> groupByExprs(QuerySpecificationContext q) {
        List<ExprContext> out = new ArrayList<>(q.expr());
        out.remove(q.where);
        out.remove(q.having);
        return out;
    }

    private Select.From from(FromContext ctx) {
        Select.From left = tableSource(ctx.tableSource());
        for (JoinContext j : ctx.join()) {
            left = switch (j) {
                case CommaJoinContext c -> new Select.Join(left, tableSource(c.tableSource()), Select.JoinKind.CROSS,
                        false, null, List.of());
                case ExplicitJoinContext e -> explicitJoin(left, e);
                default -> throw new IllegalStateException();
            };
        }
        return left;
    }

    private Select.From explicitJoin(Select.From left, ExplicitJoinContext e) {
        Select.JoinKind kind = Select.JoinKind.INNER;
        boolean natural = false;
        if (e.joinKind() != null) {
            natural = e.joinKind().NATURAL() != null;
            if (e.joinKind().LEFT() != null) {
                kind = Select.JoinKind.LEFT;
            } else if (e.joinKind().CROSS() != null) {
                kind = Select.JoinKind.CROSS;
            }
        }
        Expr on = null;
        List<String> using = List.of();
        if (e.joinConstraint() instanceof OnConstraintContext o) {
            on = expr(o.expr());
        } else if (e.joinConstraint() instanceof UsingConstraintContext u) {
            using = names(u.identifierList());
        }
        return new Select.Join(left, tableSource(e.tableSource()), kind, natural, on, using);
    }

    private Select.From tableSource(TableSourceContext ctx) {
        return switch (ctx) {
            case NamedTableContext n -> new Select.TableRef(name(n.qualifiedName()),
                    n.alias == null ? null : identifier(n.alias), position(n));
            case SubqueryTableContext s -> new Select.SubqueryRef(select(s.select()),
                    s.alias == null ? null : identifier(s.alias));
            case NestedFromContext n -> from(n.from());
            case GraphSourceContext g -> graphs.pattern(g.graphPattern());
            default -> throw new IllegalStateException();
        };
    }

    List<Expr> exprList(List<ExprContext> list) {
        List<Expr> out = new ArrayList<>(list.size());
        for (ExprContext e : list) {
            out.add(expr(e));
        }
        return out;
    }

    /** A possibly schema-qualified name; the schema part ({@code main.t}) is accepted and ignored. */
    String name(QualifiedNameContext ctx) {
        return identifier(ctx.identifier(ctx.identifier().size() - 1));
    }

    private List<String> names(IdentifierListContext ctx) {
        List<String> out = new ArrayList<>();
        for (IdentifierContext i : ctx.identifier()) {
            out.add(identifier(i));
        }
        return out;
    }

    static String identifier(IdentifierContext ctx) {
        return ctx.QUOTED_IDENTIFIER() == null ? ctx.getText() : Identifiers.unquote(ctx.getText());
    }

    String text(ParserRuleContext ctx) {
        return exprs.text(ctx);
    }

    static SourcePosition position(ParserRuleContext ctx) {
        return position(ctx.getStart());
    }

    static SourcePosition position(Token token) {
        return new SourcePosition(token.getLine(), token.getCharPositionInLine() + 1);
    }

    static SourcePosition position(ParseTree node) {
        if (node instanceof TerminalNode t) {
            return position(t.getSymbol());
        }
        return position((ParserRuleContext) node);
    }

    static String source(String text, ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start - 1 : ctx.getStop().getStopIndex();
        return stop < start ? "" : text.substring(start, Math.min(stop + 1, text.length()));
    }
}
