package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.function.PartialAggregate;
import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.RowCursor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hash aggregation of a large full scan on several threads at once ({@link Aggregation} is the
 * one-thread form): the table cuts its scan into slices ({@link io.hyperspatial.hyperql.source.Table#openSlices}),
 * the statement's thread and the {@link ScanWorkers} take slices one at a time and aggregate each
 * into groups of its own ({@link PartialAggregate}), and the slices' groups are then merged in scan
 * order. The result is exactly what one pass gives, down to the groups' key values (as the group's
 * last row had them) and the last bit of a sum.
 *
 * <p>It applies to a GROUP BY (or a whole-table aggregate) over a full scan, possibly filtered,
 * of a table whose scan reads at least {@value #MIN_ROWS} rows, when every aggregate has a partial
 * form (COUNT, SUM, TOTAL, AVG, MIN, MAX; not DISTINCT, GROUP_CONCAT or a bare column) and no
 * group key, argument or filter holds a subquery. Whenever a slice meets a value whose merge could
 * differ from one pass (a REAL in a sum, say) or fails on a row, the other slices stop and the
 * aggregation runs in one pass on the statement's thread instead, which then fails, if at all, as
 * one pass fails. A stop of the statement (cancel, timeout) reaches every thread within
 * {@value #CHECK_EVERY} rows.
 */
final class ParallelAggregation {
    /** Scans reading fewer rows are aggregated on one thread: handing out slices costs more than it saves. */
    static final long MIN_ROWS = 50_000;
    /** Slices per thread: more slices than threads even out threads that get less of the machine. */
    static final int SLICES_PER_THREAD = 4;
    /** Aggregations finished on several threads since the process started (tests check the path was taken). */
    static final LongAdder FINISHED = new LongAdder();
    /** Rows a thread reads between looks at the statement's control and at the other threads giving up. */
    private static final int CHECK_EVERY = 256;

    private final List<Scalar> keys;
    private final List<Scalar.AggregateCall> calls;
    private final List<Scalar> predicates;
    private final Frame frame;
    private final List<RowCursor> slices;
    private final SliceGroups[] results;
    private final AtomicInteger nextSlice = new AtomicInteger();
    /** Set when a slice cannot be merged exactly or failed: every thread stops, one pass follows. */
    private final AtomicBoolean abandoned = new AtomicBoolean();
    /** A stop of the statement (cancel, timeout) seen by a thread; rethrown as it is. */
    private volatile HqlExecutionException stopped;

    private ParallelAggregation(PlanNode.Aggregate a, List<Scalar> predicates, Frame frame, List<RowCursor> slices) {
        this.keys = a.groupKeys();
        this.calls = a.aggregates();
        this.predicates = predicates;
        this.frame = frame;
        this.slices = slices;
        this.results = new SliceGroups[slices.size()];
    }

    /**
     * The aggregation's rows computed on several threads, in group-key order; null when it does
     * not apply (see the class comment) or did not finish exactly, and the caller aggregates in one pass.
     */
    static List<Object[]> run(PlanNode.Aggregate a, Frame frame) {
        List<Scalar> predicates = new ArrayList<>();
        PlanNode input = a.input();
        while (input instanceof PlanNode.Filter f) {
            predicates.addFirst(f.predicate());
            input = f.input();
        }
        int threads = ScanWorkers.threads();
        if (threads < 2 || !(input instanceof PlanNode.Scan s) || !(s.access() instanceof AccessMethod.FullScan)
                || s.withRowId() || !applies(a, predicates) || s.table().fullScanRows() < MIN_ROWS) {
            return null;
        }
        List<RowCursor> slices = s.table().openSlices(new AccessRequest.FullScan(s.needed()), threads * SLICES_PER_THREAD);
        if (slices.isEmpty()) {
            return null;
        }
        // "now" is fixed before any thread can ask, so that the threads only read the clock.
        frame.clock().epochMillis();
        return new ParallelAggregation(a, predicates, frame, slices).aggregate(threads);
    }

    private static boolean applies(PlanNode.Aggregate a, List<Scalar> predicates) {
        for (Scalar.AggregateCall call : a.aggregates()) {
            if (!PartialAggregate.supports(call.function(), call.distinct())
                    || call.arguments().stream().anyMatch(PlanWalker::hasSubquery)) {
                return false;
            }
        }
        return a.groupKeys().stream().noneMatch(PlanWalker::hasSubquery)
                && predicates.stream().noneMatch(PlanWalker::hasSubquery);
    }

    private List<Object[]> aggregate(int threads) {
        int helpers = Math.min(threads, slices.size()) - 1;
        CountDownLatch done = new CountDownLatch(helpers);
        List<AtomicBoolean> claims = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) {
            AtomicBoolean claim = new AtomicBoolean();
            claims.add(claim);
            ScanWorkers.pool().execute(() -> {
                if (claim.compareAndSet(false, true)) {
                    try {
                        work();
                    } finally {
                        done.countDown();
                    }
                }
            });
        }
        work();
        // A helper no worker has started yet never will: the slices are all taken. Every started
        // one is done with its cursors before this returns or throws, since the statement closes
        // them, and the snapshot under them, once this returns.
        for (AtomicBoolean claim : claims) {
            if (claim.compareAndSet(false, true)) {
                done.countDown();
            }
        }
        awaitUninterruptibly(done);
        if (stopped != null) {
            throw stopped;
        }
        if (abandoned.get()) {
            return null;
        }
        SliceGroups all = results[0];
        for (int i = 1; i < results.length; i++) {
            if (!all.merge(results[i])) {
                return null;
            }
        }
        FINISHED.increment();
        return all.rows();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes slices until none is left or the aggregation is abandoned. Runs on every thread. */
    private void work() {
        try {
            for (int i = nextSlice.getAndIncrement(); i < slices.size() && !abandoned.get(); i = nextSlice.getAndIncrement()) {
                results[i] = aggregate(slices.get(i));
            }
        } catch (HqlExecutionException e) {
            if (e.code() == ErrorCode.HQL_CANCELLED || e.code() == ErrorCode.HQL_TIMEOUT) {
                stopped = e;
            }
            abandoned.set(true);
        } catch (RuntimeException | Error e) {
            // One pass on the statement's thread meets the same failure and reports it.
            abandoned.set(true);
        }
    }

    /** One slice's groups; null when the aggregation was abandoned meanwhile. */
    private SliceGroups aggregate(RowCursor cursor) {
        SliceGroups groups = new SliceGroups(keys, calls);
        Object[][] args = Aggregation.argumentArrays(calls);
        int untilCheck = CHECK_EVERY;
        while (cursor.next()) {
            if (--untilCheck == 0) {
                untilCheck = CHECK_EVERY;
                frame.checkNow();
                if (abandoned.get()) {
                    return null;
                }
            }
            Object[] row = cursor.row();
            if (passes(row) && !groups.add(row, frame, args)) {
                abandoned.set(true);
                return null;
            }
        }
        return groups;
    }

    private boolean passes(Object[] row) {
        for (Scalar p : predicates) {
            if (!Evaluator.test(p, row, frame)) {
                return false;
            }
        }
        return true;
    }

    /** The groups of one slice, kept as {@link Aggregation} keeps them. */
    private static final class SliceGroups {
        private final List<Scalar.AggregateCall> calls;
        private final GroupTable<Group> table;

        SliceGroups(List<Scalar> keys, List<Scalar.AggregateCall> calls) {
            this.calls = calls;
            this.table = new GroupTable<>(keys, k -> new Group(k, calls), g -> g.keys);
        }

        /** Adds a row; false when a value makes the slice's aggregates unmergeable. */
        boolean add(Object[] row, Frame frame, Object[][] args) {
            Group g = table.groupOf(row, frame);
            boolean exact = true;
            for (int i = 0; i < calls.size(); i++) {
                PartialAggregate p = g.aggregates[i];
                p.add(Aggregation.arguments(calls.get(i), row, frame, args[i]));
                exact &= p.exact();
            }
            return exact;
        }

        /** Folds in the groups of the slice after this one; false when a merge could differ from one pass. */
        boolean merge(SliceGroups later) {
            Map<Object, Group> groups = table.groups();
            for (Map.Entry<Object, Group> e : later.table.groups().entrySet()) {
                Group mine = groups.get(e.getKey());
                if (mine == null) {
                    groups.put(e.getKey(), e.getValue());
                    continue;
                }
                Group theirs = e.getValue();
                // A group reports its keys as its last row had them: the later slice's.
                mine.keys = theirs.keys;
                for (int i = 0; i < mine.aggregates.length; i++) {
                    mine.aggregates[i].merge(theirs.aggregates[i]);
                    if (!mine.aggregates[i].exact()) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The groups' rows (keys, then aggregates) in key order; one empty group for a whole-table aggregate over no rows. */
        List<Object[]> rows() {
            table.addEmptyWholeTableGroup();
            return Aggregation.inKeyOrder(table.groups().values(), g -> g.keys, calls.size(), (g, i) -> g.aggregates[i].result());
        }
    }

    private static final class Group {
        Object[] keys;
        final PartialAggregate[] aggregates;

        Group(Object[] keys, List<Scalar.AggregateCall> calls) {
            this.keys = keys;
            this.aggregates = new PartialAggregate[calls.size()];
            for (int i = 0; i < aggregates.length; i++) {
                aggregates[i] = PartialAggregate.of(calls.get(i).function());
            }
        }
    }
}
