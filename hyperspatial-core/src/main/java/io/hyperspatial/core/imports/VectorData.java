package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.WriteValidator;

import java.util.List;
import java.util.UUID;

/**
 * An imported vector in the shape of its field's kind. {@link #check} applies storage's own rules
 * (dimension, finiteness, the metric's domain) so a bad vector is reported before anything is
 * written; {@link #set} writes it.
 */
public sealed interface VectorData {
    /** Throws {@link io.hyperspatial.manifold.error.SchemaViolationException} if {@code field} would reject this vector. */
    void check(VectorField field);

    /** Sets this vector as the entity's value of {@code field}. */
    void set(Transaction tx, UUID entity, String field);

    /** A dense vector. */
    record Dense(float[] values) implements VectorData {
        @Override
        public void check(VectorField field) {
            WriteValidator.dense(field, values);
        }

        @Override
        public void set(Transaction tx, UUID entity, String field) {
            tx.setVector(entity, field, values);
        }
    }

    /** A sparse vector: strictly increasing indices and their values. */
    record Sparse(int[] indices, float[] values) implements VectorData {
        @Override
        public void check(VectorField field) {
            WriteValidator.sparse(field, indices, values);
        }

        @Override
        public void set(Transaction tx, UUID entity, String field) {
            tx.setSparseVector(entity, field, indices, values);
        }
    }

    /** A multi-vector: dense vectors of the field's dimension. */
    record Multi(List<float[]> vectors) implements VectorData {
        @Override
        public void check(VectorField field) {
            WriteValidator.multi(field, vectors);
        }

        @Override
        public void set(Transaction tx, UUID entity, String field) {
            tx.setMultiVector(entity, field, vectors);
        }
    }
}
