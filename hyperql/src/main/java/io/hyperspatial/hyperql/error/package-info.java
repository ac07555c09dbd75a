/** HyperQL's error hierarchy: every error a user can see carries a stable {@link io.hyperspatial.hyperql.error.ErrorCode}. */
package io.hyperspatial.hyperql.error;
