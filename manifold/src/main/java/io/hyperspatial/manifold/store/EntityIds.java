package io.hyperspatial.manifold.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Maps user keys to entity ids: a name-based (version 5, SHA-1) UUID in a namespace derived from
 * the collection name. The same key always gives the same id in a collection of that name, so
 * imports can reference entities that arrive later and replicas agree on ids. Thread-safe.
 */
public final class EntityIds {
    /** The root namespace of all Hyperspatial collection namespaces. */
    static final UUID ROOT = UUID.fromString("6f1b8a52-4c1e-5f0a-9b57-3c2d7e41a0d9");

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    });

    private final UUID namespace;

    public EntityIds(String collectionName) {
        this.namespace = nameUuid(ROOT, "collection:" + collectionName);
    }

    /** The entity id for a user key in this collection. */
    public UUID forKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an entity key must be a non-empty string");
        }
        return nameUuid(namespace, key);
    }

    /** RFC 9562 version-5 UUID of {@code name} in {@code namespace}. */
    static UUID nameUuid(UUID namespace, String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(Keys.uuid(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        return Keys.getUuid(hash, 0);
    }
}
