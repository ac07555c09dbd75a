/**
 * The Hyperspatial server: {@link io.hyperspatial.server.HyperspatialServer} serves a database on
 * one port (Armeria). Packages: {@code api} (one service class per resource), {@code http}
 * (JSON input checks, errors), {@code codec} (request and response JSON of values, schemas,
 * entities), {@code auth} (API keys and roles), {@code collection} (freezing, digests),
 * {@code metrics}.
 */
package io.hyperspatial.server;
