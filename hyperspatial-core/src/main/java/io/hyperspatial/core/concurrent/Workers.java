package io.hyperspatial.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one worker on several threads and waits for all of them: the shape of a parallel loop
 * whose workers take their share of the work from a shared counter. Stateless.
 */
public final class Workers {
    private Workers() {
    }

    /**
     * Runs {@code worker} on {@code threads} daemon threads named {@code name} (on the calling
     * thread alone when {@code threads} is 1) and returns when every run has. A worker's runtime
     * exception is rethrown as it is; a checked one, or an interruption of the waiting thread,
     * becomes an {@link IllegalStateException} naming {@code name}.
     */
    public static void runOn(int threads, Runnable worker, String name) {
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(name + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
