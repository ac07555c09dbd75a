package io.hyperspatial.cli.query;

/** How statement results are printed: aligned table (for people), JSON or CSV (for programs). */
public enum ResultFormat {
    TABLE, JSON, CSV
}
