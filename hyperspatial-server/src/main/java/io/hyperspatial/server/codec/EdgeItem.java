package io.hyperspatial.server.codec;

/** An edge to add, endpoints by user key: {@code from -type-> to} with a weight (1 unless given). */
public record EdgeItem(String from, String type, String to, float weight) {
}
