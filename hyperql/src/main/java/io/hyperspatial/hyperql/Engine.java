package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.analyze.Analyzer;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.engine.StatementRunner;
import io.hyperspatial.hyperql.exec.SessionState;
import io.hyperspatial.hyperql.optimize.Optimizer;
import io.hyperspatial.hyperql.parse.SqlParser;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.StatementScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * HyperQL over one {@link DataSource}: parses, analyzes, optimizes and runs statements. Prepared
 * statements are kept in a plan cache keyed by their exact text, so a repeated text is neither
 * parsed nor planned again (a schema change makes the next execution re-plan from the kept AST).
 *
 * <p>Thread-safe. Statements may be run from many threads at once; which of them overlap is the
 * source's {@link DataSource#concurrency()}: over a {@code SNAPSHOT_READS} source (a collection)
 * queries and EXPLAIN run at the same time as each other and as a write, each reading its own
 * snapshot; over a {@code SHARED_READS} source (the in-memory one) reads run together and a write
 * waits for them, then runs alone; over a {@code SERIAL} source one statement runs at a time.
 * Writes (DML, DDL, edge statements, REPOSITION) always run one at a time per engine. Every
 * execution gets its own {@link StatementScope} from the source and its own execution state
 * ({@code exec.Frame}, cursors); plans are immutable and shared. A statement waiting for its turn
 * still sees its {@link StatementControl}'s cancel and timeout.
 */
public final class Engine {
    /** The default number of statement texts whose plans are kept. */
    public static final int DEFAULT_PLAN_CACHE_SIZE = 512;
    /** How often a statement waiting for its turn looks at its control. */
    private static final long WAIT_CHECK_MILLIS = 20;

    private final DataSource source;
    /** Guarded by itself: an access-ordered map changes on every get. */
    private final Map<String, PreparedStatement> cache;
    /** Held by reads (planning included); null when reads take no lock. */
    private final Lock reading;
    /** Held by writes. */
    private final Lock writing;
    private final LongAdder parses = new LongAdder();
    private final LongAdder plans = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder executions = new LongAdder();
    /** The session of {@link #execute} and {@link #executeScript}, shared by all their callers. */
    private final Session ownSession = new Session(this);

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
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.writing = lock.writeLock();
        this.reading = switch (source.concurrency()) {
            case SERIAL -> lock.writeLock();
            case SHARED_READS -> lock.readLock();
            case SNAPSHOT_READS -> null;
        };
    }

    /** The data source statements run against. */
    public DataSource source() {
        return source;
    }

    /**
     * A new session: SQLite's connection, as far as {@code last_insert_rowid()}, {@code changes()}
     * and {@code total_changes()} go (see {@link Session}). Sessions share the plan cache.
     */
    public Session openSession() {
        return new Session(this);
    }

    /**
     * The engine's own session, in which {@link #execute}, {@link #executeScript} and
     * {@link PreparedStatement#execute(Object...)} run: one for all their callers, so over an engine
     * that serves several clients open a session per client instead.
     */
    public Session ownSession() {
        return ownSession;
    }

    /** Prepares one statement, from the plan cache when its text was prepared before. */
    public PreparedStatement prepare(String sql) {
        return prepare(sql, null);
    }

    /** Prepares, waiting for the catalog (see the class comment) only as long as {@code control} lets it. */
    private PreparedStatement prepare(String sql, StatementControl control) {
        PreparedStatement cached;
        synchronized (cache) {
            cached = cache.get(sql);
        }
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        Statement statement = SqlParser.parseStatement(sql);
        parses.increment();
        PreparedStatement prepared = new PreparedStatement(this, sql, statement, control);
        synchronized (cache) {
            PreparedStatement raced = cache.putIfAbsent(sql, prepared);
            return raced != null ? raced : prepared;
        }
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
        return prepare(sql, control).execute(parameters, control);
    }

    /**
     * Runs a script of statements separated by semicolons, in order, without parameters; stops at the
     * first failing statement (the statements before it stay applied). Statements of other threads
     * may run between the script's statements.
     */
    public List<StatementResult> executeScript(String sql) {
        return ownSession.executeScript(sql);
    }

    /** Runs a script in a session's state; see {@link #executeScript(String)}. */
    List<StatementResult> executeScript(String sql, SessionState session) {
        List<Statement> statements = SqlParser.parseScript(sql);
        parses.increment();
        List<StatementResult> results = new ArrayList<>();
        for (Statement s : statements) {
            results.add(run(PreparedStatement.readOnly(s), () -> plan(s, null).statement(), new Object[0], null, session));
        }
        return results;
    }

    /** The work counters. */
    public EngineStats stats() {
        return new EngineStats(parses.sum(), plans.sum(), cacheHits.sum(), executions.sum());
    }

    /**
     * Analyzes and optimizes a parsed statement under the current schema: a read of the source's
     * catalog, which waits for its turn as long as {@code control} (null: nothing) lets it.
     */
    Plan plan(Statement statement, StatementControl control) {
        lock(reading, control);
        try {
            Analyzer analyzer = new Analyzer(source);
            long version = source.schemaVersion();
            BoundStatement bound = Optimizer.optimize(analyzer.analyze(statement));
            plans.increment();
            return new Plan(bound, analyzer.parameterLabels(), version);
        } finally {
            unlock(reading);
        }
    }

    /**
     * Runs a statement once its turn comes (see the class comment), in a statement scope of the
     * source; {@code plan} is asked for the statement's plan once the turn has come, so a schema
     * change made meanwhile is planned for.
     */
    StatementResult run(boolean readOnly, Supplier<BoundStatement> plan, Object[] parameters, StatementControl control,
                        SessionState session) {
        Lock lock = readOnly ? reading : writing;
        lock(lock, control);
        try (StatementScope scope = source.openStatement()) {
            executions.increment();
            return StatementRunner.run(plan.get(), source, parameters, control, session);
        } finally {
            unlock(lock);
        }
    }

    long schemaVersion() {
        return source.schemaVersion();
    }

    /** Takes the lock (none when null), looking at {@code control} while it waits. */
    private static void lock(Lock lock, StatementControl control) {
        if (lock == null) {
            return;
        }
        if (control == null) {
            lock.lock();
            return;
        }
        try {
            while (!lock.tryLock(WAIT_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                control.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.cancel();
            control.check();
        }
    }

    private static void unlock(Lock lock) {
        if (lock != null) {
            lock.unlock();
        }
    }

    /** A planned statement and the schema version it was planned under. */
    record Plan(BoundStatement statement, List<String> parameterLabels, long schemaVersion) {
    }
}
