package io.hyperspatial.manifold.store;

/** Opens a collection's store on demand (reopening it if it was closed while idle). Thread-safe. */
public interface StoreAccess {
    Lease acquire();
}
