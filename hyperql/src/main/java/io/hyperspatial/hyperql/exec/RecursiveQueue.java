package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.PlanNode;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;

/**
 * Runs a {@link PlanNode.RecursiveUnion} the way SQLite does: a queue seeded with the initial rows;
 * each row taken from it is handed out, then made the working table's only row while the
 * recursive plans run, their rows joining the queue. The next step runs only when the next row is
 * asked for, so a LIMIT above ends an unbounded recursion. With ORDER BY the queue hands out its
 * least row first (ties in arrival order); with UNION a row equal to one queued before is dropped.
 */
final class RecursiveQueue implements RowStream {
    private final PlanNode.RecursiveUnion node;
    private final Frame frame;
    private final Queue<Sorting.Keyed> queue;
    private final Set<RowKey> seen;
    private long sequence;
    private Object[] last;

    private RecursiveQueue(PlanNode.RecursiveUnion node, Frame frame) {
        this.node = node;
        this.frame = frame;
        this.queue = node.order().isEmpty() ? new ArrayDeque<>() : new PriorityQueue<>(Sorting.comparator(node.order()));
        this.seen = node.distinct() ? new HashSet<>() : null;
    }

    static RowStream open(PlanNode.RecursiveUnion node, Frame frame) {
        RecursiveQueue q = new RecursiveQueue(node, frame);
        q.offerAll(node.initial());
        return q;
    }

    @Override
    public Object[] next() {
        if (last != null) {
            Object[] previous = frame.workingRow(node.table());
            frame.setWorkingRow(node.table(), last);
            try {
                for (PlanNode recursive : node.recursive()) {
                    offerAll(recursive);
                }
            } finally {
                frame.setWorkingRow(node.table(), previous);
            }
        }
        Sorting.Keyed next = queue.poll();
        last = next == null ? null : next.row();
        return last;
    }

    private void offerAll(PlanNode plan) {
        RowStream rows = Executor.open(plan, frame);
        for (Object[] r = rows.next(); r != null; r = rows.next()) {
            frame.checkpoint();
            if (seen == null || seen.add(RowKey.of(r))) {
                queue.add(Sorting.keyed(node.order(), r, sequence++, frame));
            }
        }
    }
}
