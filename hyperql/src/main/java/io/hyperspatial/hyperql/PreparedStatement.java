package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.engine.JavaValues;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.BoundStatement;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and planned statement, run any number of times with different parameter values.
 * Parameters are numbered by first appearance; {@code ?} and {@code $name} may be mixed. When the
 * schema has changed since planning, the next execution plans again from the kept syntax tree.
 * EXPLAIN needs no parameter values. Thread-safe: executions on several threads run as their
 * {@link Engine} lets them (see its class comment); two threads that find the schema changed may both
 * plan again, and either plan is kept.
 */
public final class PreparedStatement {
    private final Engine engine;
    private final String sql;
    private final Statement statement;
    private volatile Engine.Plan plan;

    PreparedStatement(Engine engine, String sql, Statement statement, StatementControl control) {
        this.engine = engine;
        this.sql = sql;
        this.statement = statement;
        this.plan = engine.plan(statement, control);
    }

    /** The statement text. */
    public String sql() {
        return sql;
    }

    /** Whether the statement only reads: a query, or EXPLAIN of any statement. */
    public boolean readOnly() {
        return readOnly(statement);
    }

    static boolean readOnly(Statement statement) {
        return statement instanceof Statement.Query || statement instanceof Statement.Explain;
    }

    /** The parameter labels by slot: {@code ?1}, {@code ?2} for positional ones, {@code $name} for named ones. */
    public List<String> parameterLabels() {
        return current(null).parameterLabels();
    }

    /** The optimized plan, as EXPLAIN prints it. */
    public BoundStatement plan() {
        return current(null).statement();
    }

    /** Runs in the engine's own session with one value per parameter slot, in order. */
    public StatementResult execute(Object... values) {
        return execute((StatementControl) null, values);
    }

    /**
     * Runs in the engine's own session with one value per parameter slot, in order, stopped by
     * {@code control} (null: nothing stops it) with {@code HQL_CANCELLED} or {@code HQL_TIMEOUT}
     * before its writes are applied.
     */
    public StatementResult execute(StatementControl control, Object... values) {
        return execute(engine.ownSession(), control, values);
    }

    /** Runs in {@code session} (of this statement's engine); otherwise as {@link #execute(StatementControl, Object...)}. */
    public StatementResult execute(Session session, StatementControl control, Object... values) {
        Engine.Plan p = current(control);
        List<String> labels = p.parameterLabels();
        if (p.statement() instanceof BoundStatement.Explain) {
            return run(session, new Object[0], control);
        }
        if (values.length != labels.size()) {
            throw new HqlExecutionException(ErrorCode.HQL_PARAMETER, "the statement has " + labels.size()
                    + " parameters but " + values.length + " values were given");
        }
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = JavaValues.toSql(values[i], labels.get(i));
        }
        return run(session, converted, control);
    }

    /**
     * Runs in the engine's own session with values by parameter name ({@code "name"} for
     * {@code $name}; {@code "1"} for the first {@code ?}).
     */
    public StatementResult execute(Map<String, ?> values) {
        return execute(values, null);
    }

    /**
     * Runs in the engine's own session with values by parameter name, stopped by {@code control}
     * (null: nothing stops it); see {@link #execute(StatementControl, Object...)}.
     */
    public StatementResult execute(Map<String, ?> values, StatementControl control) {
        return execute(engine.ownSession(), values, control);
    }

    /** Runs in {@code session} (of this statement's engine); otherwise as {@link #execute(Map, StatementControl)}. */
    public StatementResult execute(Session session, Map<String, ?> values, StatementControl control) {
        Engine.Plan p = current(control);
        List<String> labels = p.parameterLabels();
        Object[] converted = new Object[labels.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String key = labels.get(i).substring(1);
            String match = null;
            for (String given : values.keySet()) {
                if (given.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    match = given;
                }
            }
            if (match == null) {
                throw new HqlExecutionException(ErrorCode.HQL_PARAMETER, "no value for parameter " + labels.get(i));
            }
            used.add(match);
            converted[i] = JavaValues.toSql(values.get(match), labels.get(i));
        }
        for (String given : values.keySet()) {
            if (!used.contains(given)) {
                throw new HqlExecutionException(ErrorCode.HQL_PARAMETER, "the statement has no parameter named " + given);
            }
        }
        return run(session, converted, control);
    }

    /** Runs under the engine's rules, with the plan current when the statement's turn comes. */
    private StatementResult run(Session session, Object[] values, StatementControl control) {
        return engine.run(readOnly(), () -> current(control).statement(), values, control, session.state(engine));
    }

    /** The plan for the current schema, planned again (waiting no longer than {@code control} lets it) when it changed. */
    private Engine.Plan current(StatementControl control) {
        Engine.Plan p = plan;
        if (p.schemaVersion() != engine.schemaVersion()) {
            p = engine.plan(statement, control);
            plan = p;
        }
        return p;
    }
}
