package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.analyze.Analyzer;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.engine.StatementRunner;
import io.hyperspatial.hyperql.optimize.Optimizer;
import io.hyperspatial.hyperql.parse.SqlParser;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.source.DataSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HyperQL over one {@link DataSource}: parses, analyzes, optimizes and runs statements. Prepared
 * statements are kept in a plan cache keyed by their exact text, so a repeated text is neither
 * parsed nor planned again (a schema change makes the next execution re-plan from the kept AST).
 * Methods are synchronized: statements run one at a time.
 */
public final class Engine {
    /** The default number of statement texts whose plans are kept. */
    public static final int DEFAULT_PLAN_CACHE_SIZE = 512;

    private final DataSource source;
    private final Map<String, PreparedStatement> cache;
    private long parses;
    private long plans;
    private long cacheHits;
    private long executions;

    /** An engine with the default plan cache size. */
    public Engine(DataSource source) {
        this(source, DEFAULT_PLAN_CACHE_SIZE);
    }

    /** An engine keeping the plans of up to {@code planCacheSize} statement texts (0 disables the cache). */
    public Engine(DataSource source, int planCacheSize) {
        this.source = source;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                return size() > planCacheSize;
            }
        };
    }

    /** The data source statements run against. */
    public DataSource source() {
        return source;
    }

    /** Prepares one statement, from the plan cache when its text was prepared before. */
    public synchronized PreparedStatement prepare(String sql) {
        PreparedStatement cached = cache.get(sql);
        if (cached != null) {
            cacheHits++;
            return cached;
        }
        Statement statement = SqlParser.parseStatement(sql);
        parses++;
        PreparedStatement prepared = new PreparedStatement(this, sql, statement);
        cache.put(sql, prepared);
        return prepared;
    }

    /** Runs one statement with positional parameter values. */
    public StatementResult execute(String sql, Object... parameters) {
        return prepare(sql).execute(parameters);
    }

    /** Runs one statement with named parameter values ({@code $name} is given as {@code "name"}). */
    public StatementResult execute(String sql, Map<String, ?> parameters) {
        return prepare(sql).execute(parameters);
    }

    /** Runs one statement with named parameter values, stopped by {@code control} if it cancels or times out. */
    public StatementResult execute(String sql, Map<String, ?> parameters, StatementControl control) {
        return prepare(sql).execute(parameters, control);
    }

    /**
     * Runs a script of statements separated by semicolons, in order, without parameters; stops at the
     * first failing statement (the statements before it stay applied).
     */
    public synchronized List<StatementResult> executeScript(String sql) {
        List<Statement> statements = SqlParser.parseScript(sql);
        parses++;
        List<StatementResult> results = new ArrayList<>();
        for (Statement s : statements) {
            results.add(run(plan(s).statement(), new Object[0], null));
        }
        return results;
    }

    /** The work counters. */
    public synchronized EngineStats stats() {
        return new EngineStats(parses, plans, cacheHits, executions);
    }

    /** Analyzes and optimizes a parsed statement under the current schema. */
    synchronized Plan plan(Statement statement) {
        Analyzer analyzer = new Analyzer(source);
        long version = source.schemaVersion();
        BoundStatement bound = Optimizer.optimize(analyzer.analyze(statement));
        plans++;
        return new Plan(bound, analyzer.parameterLabels(), version);
    }

    synchronized StatementResult run(BoundStatement statement, Object[] parameters, StatementControl control) {
        executions++;
        try {
            return StatementRunner.run(statement, source, parameters, control);
        } finally {
            source.statementFinished();
        }
    }

    long schemaVersion() {
        return source.schemaVersion();
    }

    /** A planned statement and the schema version it was planned under. */
    record Plan(BoundStatement statement, List<String> parameterLabels, long schemaVersion) {
    }
}
