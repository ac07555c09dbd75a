package io.hyperspatial.cli;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.server.HyperspatialServer;
import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.ServerConfigException;
import io.hyperspatial.server.auth.ApiKeys;
import io.hyperspatial.server.auth.KeyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hyperspatial serve}: the HTTP server on a data directory (created if missing) until
 * SIGTERM or Ctrl-C, which shut it down gracefully: the port stops accepting, in-flight requests
 * finish, index snapshots are written and the storage is closed. Listens on loopback unless told
 * otherwise; any other address needs {@code --api-keys}. With {@code --demo}, the directory gets
 * the {@link DemoData} collections first (on first use) and the command prints how to query them.
 */
@Command(name = "serve", description = {"Serve a database over HTTP/JSON (API under /v1) until SIGTERM or Ctrl-C.",
        "Listens on loopback by default; another --bind needs --api-keys (see 'hyperspatial keys add')."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_BIND,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    private String bind;

    @Option(names = "--api-keys", paramLabel = "FILE",
            description = "Require API keys listed in FILE (lines 'sha256hex role name'); required off loopback.")
    private Path apiKeys;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "" + ServerConfig.DEFAULT_MAX_REQUEST_BYTES,
            description = "Larger request bodies are refused with 413 (default: ${DEFAULT-VALUE}, 16 MiB).")
    private long maxRequestBytes;

    @Option(names = "--max-import-bytes", paramLabel = "BYTES", defaultValue = "" + ServerConfig.DEFAULT_MAX_IMPORT_BYTES,
            description = "The same limit for streamed import bodies (default: ${DEFAULT-VALUE}, 4 GiB).")
    private long maxImportBytes;

    @Option(names = "--demo", description = {"Serve with demo data: on first use, load WordNet's nouns (with "
            + "learned graph positions) and a product catalog into the data directory, then print how to query them."})
    private boolean demo;

    @Option(names = "--wordnet-dir", paramLabel = "DIR", defaultValue = "/usr/share/wordnet",
            description = "With --demo: where WordNet 3.0's data.noun is (default: ${DEFAULT-VALUE}).")
    private Path wordnetDir;

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "default",
            description = "Storage memory preset: default, small, large, read-heavy, write-heavy (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--block-cache", paramLabel = "SIZE", converter = ByteSize.class,
            description = "RocksDB block cache shared by every collection, instead of the preset's (e.g. 512m, 2g).")
    private Long blockCache;

    @Option(names = "--row-cache", paramLabel = "SIZE", converter = ByteSize.class,
            description = "RocksDB row cache for rows read by key, instead of the preset's (e.g. 1g; 0 turns it off).")
    private Long rowCache;

    /** The preset's storage options with the caches the command line sized (null: the preset's). */
    static DatabaseOptions storageOptions(StoragePreset preset, Long blockCacheBytes, Long rowCacheBytes) {
        DatabaseOptions options = DatabaseOptions.preset(preset);
        if (blockCacheBytes != null) {
            if (blockCacheBytes <= 0) {
                throw new IllegalArgumentException("--block-cache must be more than 0 bytes");
            }
            options = options.withBlockCacheBytes(blockCacheBytes);
        }
        return rowCacheBytes == null ? options : options.withRowCacheBytes(rowCacheBytes);
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        DatabaseOptions storage;
        try {
            storage = storageOptions(StoragePreset.parse(preset), blockCache, rowCache);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        Database storageDb = Database.open(data.path(), storage);
        if (demo) {
            try {
                DemoData.ensure(storageDb, wordnetDir, DemoData.PRODUCT_ENTITIES, spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            } catch (RuntimeException e) {
                storageDb.close();
                throw e;
            }
        }
        HyperspatialDatabase db = HyperspatialDatabase.open(storageDb, CollectionIndexer::defaultConfig,
                SnapshotPolicy.DEFAULT);
        HyperspatialServer server;
        try {
            server = HyperspatialServer.start(db, config);
        } catch (RuntimeException e) {
            throw new CommandFailure("cannot start the server on " + bind + ":" + port + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving " + data.absolute() + " on http://" + server.address().getAddress().getHostAddress() + ":"
                + server.port() + (config.apiKeys() == null ? " (no API keys: loopback only)"
                : " (" + config.apiKeys().size() + " API keys)"));
        String base = "http://" + server.address().getAddress().getHostAddress() + ":" + server.port();
        out.println("stop with Ctrl-C or SIGTERM; try: curl " + base + "/v1/health");
        if (demo) {
            DemoData.printTryThis(out, storageDb, base);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("hyperspatial: stopping (draining requests, writing index snapshots)");
            err.flush();
            server.close();
            err.println("hyperspatial: stopped");
            err.flush();
            stopped.countDown();
        }, "hyperspatial-shutdown"));
        stopped.await();
        return 0;
    }

    private ServerConfig config() {
        try {
            ServerConfig config = ServerConfig.loopback(port).withMaxRequestBytes(maxRequestBytes)
                    .withMaxImportBytes(maxImportBytes);
            if (apiKeys != null) {
                config = config.withApiKeys(ApiKeys.load(apiKeys));
            }
            return config.withBind(ServerConfig.address(bind));
        } catch (ServerConfigException | KeyFileException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
