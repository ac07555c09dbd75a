/**
 * The operations the server's protocols share: collections, entities and k-NN search, with
 * their validation and error codes, independent of how a request arrived (HTTP/JSON in
 * {@code api/}, gRPC in {@code grpc/}). Each protocol parses its own wire form into the types
 * here and renders the results back.
 */
package io.hyperspatial.server.operation;
