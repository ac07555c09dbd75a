package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.plan.Scalar;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters a statement mentions, by slot: their labels ({@code ?3} or {@code $name}) in slot
 * order. Not thread-safe; one per analysis.
 */
final class Parameters {
    private final List<String> labels = new ArrayList<>();

    Scalar.Param bind(Expr.Parameter p) {
        while (labels.size() <= p.ordinal()) {
            labels.add(null);
        }
        String label = p.name() == null ? "?" + (p.ordinal() + 1) : "$" + p.name();
        labels.set(p.ordinal(), label);
        return new Scalar.Param(p.ordinal(), label);
    }

    /** Labels by slot; a slot no expression mentions (possible only in scripts) is labelled by its number. */
    List<String> labels() {
        List<String> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.add(labels.get(i) == null ? "?" + (i + 1) : labels.get(i));
        }
        return out;
    }
}
