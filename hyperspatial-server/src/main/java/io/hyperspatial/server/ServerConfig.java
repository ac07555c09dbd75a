package io.hyperspatial.server;

import io.hyperspatial.server.auth.ApiKeys;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How a {@link HyperspatialServer} listens. Construction refuses a configuration that would
 * expose the database unauthenticated: any bind address other than loopback needs API keys.
 *
 * @param bind            the address to listen on; loopback ({@value #DEFAULT_BIND}) by default
 * @param port            the port; 0 picks a free one ({@value #DEFAULT_PORT} by default)
 * @param apiKeys         the accepted keys, or null to serve without authentication (loopback only)
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param maxImportBytes  the same for the streamed bodies of {@code POST .../import}
 * @param requestTimeout  a request still running after this is answered 503
 * @param drainTimeout    at shutdown, in-flight requests get this long to finish
 */
public record ServerConfig(InetAddress bind, int port, ApiKeys apiKeys, long maxRequestBytes, long maxImportBytes,
                           Duration requestTimeout, Duration drainTimeout) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7701;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;
    public static final long DEFAULT_MAX_IMPORT_BYTES = 4L << 30;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        if (port < 0 || port > 65_535) {
            throw new ServerConfigException("port must be in 0..65535, got " + port);
        }
        if (maxRequestBytes < 1 || maxImportBytes < 1) {
            throw new ServerConfigException("request size limits must be positive, got " + maxRequestBytes + " and "
                    + maxImportBytes + " (imports)");
        }
        if (!bind.isLoopbackAddress() && apiKeys == null) {
            throw new ServerConfigException("refusing to listen on " + bind.getHostAddress()
                    + " without API keys: any address other than loopback needs --api-keys FILE"
                    + " (create one with 'hyperspatial keys add --role admin --name NAME --file FILE')");
        }
        if (apiKeys != null && apiKeys.size() == 0) {
            throw new ServerConfigException("the API key file lists no keys; add one with 'hyperspatial keys add'");
        }
    }

    /** Loopback, the default port, no keys, default limits. */
    public static ServerConfig loopback(int port) {
        return new ServerConfig(InetAddress.getLoopbackAddress(), port, null, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_IMPORT_BYTES, DEFAULT_REQUEST_TIMEOUT, DEFAULT_DRAIN_TIMEOUT);
    }

    public ServerConfig withBind(InetAddress v) {
        return new ServerConfig(v, port, apiKeys, maxRequestBytes, maxImportBytes, requestTimeout, drainTimeout);
    }

    public ServerConfig withApiKeys(ApiKeys v) {
        return new ServerConfig(bind, port, v, maxRequestBytes, maxImportBytes, requestTimeout, drainTimeout);
    }

    public ServerConfig withMaxRequestBytes(long v) {
        return new ServerConfig(bind, port, apiKeys, v, maxImportBytes, requestTimeout, drainTimeout);
    }

    public ServerConfig withMaxImportBytes(long v) {
        return new ServerConfig(bind, port, apiKeys, maxRequestBytes, v, requestTimeout, drainTimeout);
    }

    /** Resolves a bind address given as an IP or a host name. */
    public static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ServerConfigException("cannot resolve bind address '" + host + "'");
        }
    }
}
