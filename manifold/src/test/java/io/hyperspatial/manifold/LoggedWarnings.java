package io.hyperspatial.manifold;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects warnings logged under {@code io.hyperspatial.manifold} while open: background work
 * (the maintenance thread) reports its failures only there. Close it to detach.
 */
final class LoggedWarnings implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.hyperspatial.manifold");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LoggedWarnings() {
        logger.addHandler(handler);
    }

    /** The messages (and causes) logged so far. */
    List<String> messages() {
        return records.stream().map(r -> r.getMessage() + (r.getThrown() == null ? "" : ": " + r.getThrown())).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
