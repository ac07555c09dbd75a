package io.hyperspatial.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys a server accepts, read from a key file of {@code sha256hex role name} lines
 * ({@code #} starts a comment; blank lines are skipped). Keys are compared by their SHA-256, so
 * the file holds nothing that would let a reader of it call the server. {@link #add} makes a new
 * random key, appends its line and returns the key, which is shown once and never again.
 * Immutable and thread-safe once loaded.
 */
public final class ApiKeys {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /** Keys begin with this, so that one found in a log or a repository is recognisable. */
    static final String PREFIX = "hs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ApiKey> byHash;

    private ApiKeys(Map<String, ApiKey> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** The keys of {@code file}; a malformed line fails naming its line number. */
    public static ApiKeys load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyFileException("cannot read API key file " + file + ": " + e.getMessage());
        }
        Map<String, ApiKey> keys = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ApiKey key = parse(line, file, i + 1);
            if (keys.putIfAbsent(key.sha256Hex(), key) != null) {
                throw new KeyFileException(file + " line " + (i + 1) + ": the same key is listed twice");
            }
        }
        return new ApiKeys(keys);
    }

    private static ApiKey parse(String line, Path file, int number) {
        String[] parts = line.split("\\s+");
        String where = file + " line " + number + ": ";
        if (parts.length != 3) {
            throw new KeyFileException(where + "expected 'sha256hex role name', got " + parts.length + " words");
        }
        if (!HEX64.matcher(parts[0]).matches()) {
            throw new KeyFileException(where + "the first word must be 64 lower-case hex digits (the key's SHA-256)");
        }
        Role role;
        try {
            role = Role.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(where + e.getMessage());
        }
        return new ApiKey(parts[0], role, parts[2]);
    }

    /** The key presented by a client, if it is one of these. */
    public Optional<ApiKey> find(String presented) {
        return Optional.ofNullable(byHash.get(sha256Hex(presented)));
    }

    public int size() {
        return byHash.size();
    }

    /**
     * Makes a new random key of {@code role} named {@code name}, appends its hash to {@code file}
     * (created if missing, readable by its owner only where the file system allows) and returns the
     * key itself.
     */
    public static String add(Path file, Role role, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new KeyFileException("invalid key name '" + name + "': use 1-64 letters, digits, '_', '.', '@' or '-'");
        }
        if (Files.exists(file)) {
            load(file);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + HexFormat.of().formatHex(secret);
        String line = sha256Hex(key) + " " + role.displayName() + " " + name + "\n";
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, ownerOnly());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new KeyFileException("cannot write API key file " + file + ": " + e.getMessage());
        }
        return key;
    }

    private static FileAttribute<?>[] ownerOnly() {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** SHA-256 of the key's UTF-8 bytes, lower-case hex. */
    public static String sha256Hex(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Every key, for listing (hash, role, name). */
    public List<ApiKey> all() {
        return new ArrayList<>(byHash.values());
    }
}
