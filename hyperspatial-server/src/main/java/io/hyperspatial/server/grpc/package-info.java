/**
 * gRPC on the server's one port: the services of {@code src/main/proto/hyperspatial/v1}
 * (collections, entities with a client-streaming batch upsert, search with a batch search) over
 * the protocol-neutral operations of {@code operation/}, with the HTTP API's validation, error
 * codes and API keys. {@link io.hyperspatial.server.grpc.GrpcEndpoint} assembles them.
 */
package io.hyperspatial.server.grpc;
