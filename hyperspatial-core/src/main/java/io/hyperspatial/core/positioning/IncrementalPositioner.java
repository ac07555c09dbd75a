package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.ChangeListener;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.feed.Subscription;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.PositionKind;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Places new entities of a collection with a declared graph position space as soon as they are
 * written, without a global re-run: it follows the change feed, and an entity that gained edges
 * of the space's types (or was created) and has no graph position yet, but whose parents along
 * those edges have positions, is placed by {@link IncrementalPlacement} from them (and from any
 * positioned children), and written with the current time (extending its trajectory). Placing
 * an entity can make its own unpositioned children placeable; they are placed in the same pass.
 *
 * <p>Entities that already have a position are left alone: moving them is what an explicit
 * re-learning ({@link GraphPositioner#learn}) is for. The positions it writes are change events
 * like any other, so the position index picks them up. Writes use {@link Durability#BATCH}: a
 * crash can lose a placement, and the next change to the entity or a re-learning redoes it.
 *
 * <p>Thread-safe; events are handled one at a time on the feed's delivery thread.
 */
public final class IncrementalPositioner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IncrementalPositioner.class.getName());

    private final Collection collection;
    private final Subscription subscription;
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong placementNanos = new AtomicLong();

    private IncrementalPositioner(Collection collection) {
        this.collection = collection;
        this.subscription = collection.changes().subscribe(collection.changes().lastSequence(), new ChangeListener() {
            @Override
            public void onEvent(ChangeEvent event) {
                apply(event);
            }

            @Override
            public void onError(Throwable error) {
                LOG.log(Level.SEVERE, "incremental positioning of collection '" + collection.name() + "' stopped", error);
            }
        });
    }

    /** Starts following the collection's changes from now on. */
    public static IncrementalPositioner start(Collection collection) {
        return new IncrementalPositioner(collection);
    }

    private void apply(ChangeEvent event) {
        Optional<PositionSpace> space = collection.schema().positionSpace(PositionKind.GRAPH);
        if (space.isEmpty()) {
            return;
        }
        Deque<UUID> candidates = new ArrayDeque<>();
        for (EntityChange c : event.changes()) {
            if ((c.has(ChangeFlag.EDGES) || c.has(ChangeFlag.CREATED)) && !c.has(ChangeFlag.DELETED)) {
                candidates.add(c.id());
            }
        }
        if (!candidates.isEmpty()) {
            try {
                placeAll(space.get(), candidates);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "collection '" + collection.name() + "': incremental placement failed", e);
            }
        }
    }

    private void placeAll(PositionSpace space, Deque<UUID> candidates) {
        Set<UUID> seen = new HashSet<>();
        while (!candidates.isEmpty()) {
            UUID id = candidates.poll();
            if (!seen.add(id)) {
                continue;
            }
            long started = System.nanoTime();
            Optional<double[]> point;
            List<UUID> children = new ArrayList<>();
            try (ReadView view = collection.snapshot()) {
                point = placement(view, space, id, children);
            }
            if (point.isEmpty()) {
                continue;
            }
            long time = System.currentTimeMillis();
            collection.write(Durability.BATCH, tx -> {
                if (tx.entities().exists(id) && tx.positions().get(id, PositionKind.GRAPH).isEmpty()) {
                    tx.setPosition(id, PositionKind.GRAPH, point.get(), time);
                }
            });
            placementNanos.addAndGet(System.nanoTime() - started);
            placed.incrementAndGet();
            candidates.addAll(children);
        }
    }

    /**
     * The position of an entity that exists, has none, and has a positioned parent; its
     * unpositioned children are added to {@code unplacedChildren}.
     */
    private static Optional<double[]> placement(ReadView view, PositionSpace space, UUID id, List<UUID> unplacedChildren) {
        if (!view.entities().exists(id) || view.positions().get(id, PositionKind.GRAPH).isPresent()) {
            return Optional.empty();
        }
        double toUnit = Math.sqrt(space.curvature());
        List<double[]> parents = new ArrayList<>();
        List<double[]> children = new ArrayList<>();
        for (String type : space.edgeTypes()) {
            for (Edge e : view.graph().outgoing(id, type)) {
                view.positions().get(e.to(), PositionKind.GRAPH)
                        .ifPresent(p -> parents.add(GraphPositioner.scaled(p, toUnit)));
            }
            for (Edge e : view.graph().incoming(id, type)) {
                Optional<double[]> p = view.positions().get(e.from(), PositionKind.GRAPH);
                if (p.isPresent()) {
                    children.add(GraphPositioner.scaled(p.get(), toUnit));
                } else {
                    unplacedChildren.add(e.from());
                }
            }
        }
        if (parents.isEmpty()) {
            unplacedChildren.clear();
            return Optional.empty();
        }
        long seed = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        return Optional.of(GraphPositioner.scaled(IncrementalPlacement.place(parents, children, seed), 1 / toUnit));
    }

    /** Entities placed since the start. */
    public long placed() {
        return placed.get();
    }

    /** Mean time from reading an entity's neighbourhood to its placement committed, in microseconds. */
    public double meanPlacementMicros() {
        long n = placed.get();
        return n == 0 ? 0 : placementNanos.get() / 1e3 / n;
    }

    /** Waits until every change through {@code sequence} has been handled (and its placements written). */
    public boolean awaitApplied(long sequence, Duration timeout) throws InterruptedException {
        return subscription.awaitDelivered(sequence, timeout.toMillis());
    }

    @Override
    public void close() {
        subscription.close();
    }
}
