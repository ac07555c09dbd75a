package io.hyperspatial.core.query;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.ReadView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of a table within a radius of a query vector that pass the statement's filter, nearest
 * first, at most the request's limit: HyperQL's radius scan ({@code NEAR … WITHIN}). With the
 * collection's index it asks {@link CollectionIndexer#searchWithin} for the points within the
 * radius (widened a little, see {@link #widened}), for {@value NearestRows#OVERSAMPLE} times the
 * limit at first and {@value NearestRows#OVERSAMPLE} times more while fewer rows of the table pass
 * the filter than the limit and the index had more to give; then every row's distance is
 * computed again exactly, in double precision from the row's own vector, so the boundary is the
 * one the row-by-row {@code NEAR} test draws. Without an index, or when it has not caught up with
 * the statement's snapshot in time, every row is scored exactly. Stateless.
 */
final class RowsWithin {
    private RowsWithin() {
    }

    static List<NearestRows.Found> search(ReadView view, TableLayout layout, AccessRequest.Within request,
                                          CollectionIndexer indexer, RowReader reader) {
        if (indexer == null || !indexer.awaitApplied(view.sequence(), NearestRows.CATCH_UP)) {
            return exact(NearestRows.matching(view, layout, request.column(), request.query(), request.filter(), reader),
                    request);
        }
        String field = layout.indexName(request.column());
        int limit = request.limit();
        long asked = limit == Integer.MAX_VALUE ? limit : Math.max((long) limit * NearestRows.OVERSAMPLE, limit + 16L);
        Map<UUID, Object[]> seen = new HashMap<>();
        while (true) {
            int n = (int) Math.min(Integer.MAX_VALUE, asked);
            List<EntityHit> hits = indexer.searchWithin(field, request.query().components(), request.query().precise(),
                    widened(request.radius(), layout.positional(request.column())), n, null);
            List<NearestRows.Found> found = exact(NearestRows.accepted(hits, request.column(), request.filter(), reader,
                    Long.MAX_VALUE, seen), request);
            if (found.size() >= limit || hits.size() < n) {
                return found;
            }
            asked *= NearestRows.OVERSAMPLE;
        }
    }

    /**
     * The radius the index is asked for: the index reports float32 distances, so a row exactly on
     * the boundary could be reported a hair outside; the exact check afterwards draws the line.
     * Positions get a wider margin: their index re-ranks on the hyperboloid and the check measures
     * in the ball, two float64 formulas that drift apart far out, where ball coordinates near 1
     * keep fewer significant digits of 1 − |x|.
     */
    static double widened(double radius, boolean positions) {
        return positions ? radius + 1e-3 * (1 + radius) : radius + 1e-5 * (1 + radius);
    }

    /** The rows whose exact distance is within the radius, nearest first (ties by id), at most the limit. */
    private static List<NearestRows.Found> exact(List<NearestRows.Found> rows, AccessRequest.Within request) {
        record Scored(NearestRows.Found found, double distance) {
        }
        List<Scored> kept = new ArrayList<>();
        for (NearestRows.Found f : rows) {
            double d = request.metric().distance(request.query(), (Vector) f.row()[request.column()]);
            if (d <= request.radius()) {
                kept.add(new Scored(f, d));
            }
        }
        kept.sort(Comparator.comparingDouble(Scored::distance).thenComparing(s -> s.found().id()));
        List<NearestRows.Found> out = new ArrayList<>();
        for (int i = 0; i < kept.size() && i < request.limit(); i++) {
            out.add(kept.get(i).found());
        }
        return out;
    }
}
