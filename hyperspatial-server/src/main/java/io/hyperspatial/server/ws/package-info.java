/**
 * WebSockets on the server's one port: a collection's change feed followed live
 * ({@link io.hyperspatial.server.ws.ChangeFeedSocket}), one JSON message per committed operation,
 * resumable from a sequence number, with a bounded send queue per client.
 */
package io.hyperspatial.server.ws;
