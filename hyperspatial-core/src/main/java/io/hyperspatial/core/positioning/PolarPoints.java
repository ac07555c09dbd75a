package io.hyperspatial.core.positioning;

import java.util.Arrays;

/**
 * Points of hyperbolic space (curvature −1) in geodesic polar coordinates about the origin: a radius
 * ρ ≥ 0 and a unit direction n ∈ S^{d−1}, the Lorentz point being (cosh ρ, sinh ρ·n). This is the
 * working form of the embedder and the evaluation, because the hyperbolic distance has a
 * cancellation-free expression in it:
 *
 * <pre>  cosh d(u,v) − 1 = 2·sinh²((ρu−ρv)/2) + ½·sinh ρu·sinh ρv·‖nu − nv‖²</pre>
 *
 * (both terms non-negative), whereas −⟨u,v⟩_L − 1 read off Lorentz coordinates loses about
 * 2·log10(cosh ρ) digits. Here 2·sinh²(Δρ/2) = ½(e^{ρu/2}e^{−ρv/2} − e^{ρv/2}e^{−ρu/2})², with the
 * half-exponentials cached per point, so one comparison costs d subtractions and multiply-adds.
 *
 * <p>Mutable flat arrays ({@link #rho}, {@link #dir}); the caches are refreshed by {@link #refresh(int)}.
 * Not thread-safe for writers; concurrent readers are fine while nobody writes.
 */
final class PolarPoints {
    final int size;
    final int dims;
    final double[] rho;
    final double[] dir;
    final double[] sinh;
    final double[] halfExp;
    final double[] halfExpInv;

    PolarPoints(int size, int dims) {
        this.size = size;
        this.dims = dims;
        this.rho = new double[size];
        this.dir = new double[size * dims];
        this.sinh = new double[size];
        this.halfExp = new double[size];
        this.halfExpInv = new double[size];
    }

    /** The polar form of Lorentz points (flat, dims + 1 coordinates each, time first). */
    static PolarPoints fromLorentz(int size, int dims, double[] coordinates) {
        PolarPoints p = new PolarPoints(size, dims);
        for (int i = 0; i < size; i++) {
            int base = i * (dims + 1) + 1;
            double norm = 0;
            for (int k = 0; k < dims; k++) {
                norm += coordinates[base + k] * coordinates[base + k];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int k = 0; k < dims; k++) {
                    p.dir[i * dims + k] = coordinates[base + k] / norm;
                }
            } else {
                p.dir[i * dims] = 1;
            }
            p.rho[i] = Math.log(norm + Math.sqrt(norm * norm + 1));
            p.refresh(i);
        }
        return p;
    }

    /** Recomputes the caches of point i after its ρ or direction changed. */
    void refresh(int i) {
        double r = rho[i];
        sinh[i] = Math.sinh(r);
        halfExp[i] = Math.exp(r / 2);
        halfExpInv[i] = Math.exp(-r / 2);
    }

    void refreshAll() {
        for (int i = 0; i < size; i++) {
            refresh(i);
        }
    }

    /** cosh d(i,j) − 1, to nearly full relative precision. */
    double coshMinusOne(int i, int j) {
        return 0.5 * rankKey(i, j);
    }

    /** 2·(cosh d(i,j) − 1): increasing in the distance, the cheapest exact ranking key. */
    double rankKey(int i, int j) {
        double t = halfExp[i] * halfExpInv[j] - halfExp[j] * halfExpInv[i];
        int a = i * dims;
        int b = j * dims;
        double s = 0;
        for (int k = 0; k < dims; k++) {
            double diff = dir[a + k] - dir[b + k];
            s += diff * diff;
        }
        return t * t + sinh[i] * sinh[j] * s;
    }

    /** The hyperbolic distance between points i and j. */
    double distance(int i, int j) {
        return acosh1p(coshMinusOne(i, j));
    }

    /** acosh(1 + m) for m ≥ 0 without the cancellation of acosh near 1. */
    static double acosh1p(double m) {
        return Math.log1p(m + Math.sqrt(m * (m + 2)));
    }

    /** The Lorentz coordinates (cosh ρ, sinh ρ·n) of every point, flat. */
    double[] toLorentz() {
        double[] out = new double[size * (dims + 1)];
        for (int i = 0; i < size; i++) {
            int base = i * (dims + 1);
            out[base] = Math.cosh(rho[i]);
            double s = Math.sinh(rho[i]);
            for (int k = 0; k < dims; k++) {
                out[base + 1 + k] = s * dir[i * dims + k];
            }
        }
        return out;
    }

    PolarPoints copy() {
        PolarPoints c = new PolarPoints(size, dims);
        System.arraycopy(rho, 0, c.rho, 0, size);
        System.arraycopy(dir, 0, c.dir, 0, dir.length);
        c.refreshAll();
        return c;
    }

    /** Normalizes direction i to unit length (a zero vector becomes the first axis). */
    void normalizeDirection(int i) {
        int a = i * dims;
        double norm = 0;
        for (int k = 0; k < dims; k++) {
            norm += dir[a + k] * dir[a + k];
        }
        if (norm == 0 || !Double.isFinite(norm)) {
            Arrays.fill(dir, a, a + dims, 0);
            dir[a] = 1;
            return;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int k = 0; k < dims; k++) {
            dir[a + k] *= inv;
        }
    }
}
