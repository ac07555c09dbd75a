package io.hyperspatial.server.operation;

import com.linecorp.armeria.common.HttpStatus;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.positioning.Repositioning;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Explicit re-positioning runs of the server ({@code POST /v1/collections/{c}/positions}): each is
 * a {@link PositioningJob} run on one background thread, one job at a time for the whole server
 * (a run uses every core), at most one queued or running per collection. The newest job of each
 * collection is kept for its status until the next one replaces it (a job whose collection is
 * dropped under it fails).
 * Thread-safe.
 */
public final class PositioningJobs implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PositioningJobs.class.getName());
    /** How long {@link #close} waits for a cancelled job to reach its next epoch or batch. */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;
    private final Map<String, PositioningJob> latest = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "positioning");
        t.setDaemon(true);
        return t;
    });

    public PositioningJobs(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    /**
     * Queues a run. Fails at once, running nothing, when the collection does not exist (404), is
     * frozen (409), already has a job queued or running (409), or the request does not fit it
     * ({@link Repositioning#check}: 400 or 409).
     */
    public PositioningJob submit(String name, Repositioning request) {
        Collection collection = db.collection(name);
        if (frozen.isFrozen(name)) {
            throw new ApiException(HttpStatus.CONFLICT, ApiException.FROZEN, "collection '" + name
                    + "' is frozen; unfreeze it to re-position");
        }
        request.check(collection);
        PositioningJob job = new PositioningJob(name, request);
        PositioningJob previous = latest.compute(name, (n, old) -> old == null || old.ended() ? job : old);
        if (previous != job) {
            throw new ApiException(HttpStatus.CONFLICT, ApiException.JOB_RUNNING, "collection '" + name
                    + "' already has a positioning job " + previous.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + previous.id() + ")");
        }
        executor.execute(() -> run(collection, job));
        return job;
    }

    private void run(Collection collection, PositioningJob job) {
        if (job.cancelRequested()) {
            job.cancelled();
            return;
        }
        job.running();
        try {
            job.succeeded(job.request().run(collection, Runtime.getRuntime().availableProcessors(),
                    System.currentTimeMillis(), job, job));
        } catch (CancellationException e) {
            job.cancelled();
        } catch (ManifoldException e) {
            job.failed(e.code().code(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "positioning job " + job.id() + " of '" + job.collection() + "' failed", e);
            job.failed(ApiException.INTERNAL, "the job failed unexpectedly; the server log has the cause");
        }
    }

    /** The collection's newest job, if it has had one since the server started. */
    public Optional<PositioningJob> latest(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    /** Asks the collection's job to stop; returns it, if there is one. */
    public Optional<PositioningJob> cancel(String name) {
        PositioningJob job = latest.get(name);
        if (job != null) {
            job.cancel();
        }
        return Optional.ofNullable(job);
    }

    /** Cancels every job and waits for the running one to stop, so the database can close after. */
    @Override
    public void close() {
        latest.values().forEach(PositioningJob::cancel);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("a positioning job did not stop within " + CLOSE_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
