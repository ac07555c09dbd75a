package io.hyperspatial.manifold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link CrashWriter} running in its own JVM (the same java binary and test class path as this
 * one), and the acknowledgements it printed. Only complete lines count: a line cut short by the
 * kill was never acknowledged. Close it to make sure the process is gone.
 */
final class CrashChild implements AutoCloseable {
    /** How long a child may run if the test never kills it. */
    private static final long MAX_MILLIS = 60_000;
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d+)");

    /** One acknowledged operation: entity {@code n} of the round, committed at {@code sequence}. */
    record Ack(long n, long sequence) {
    }

    private final Process process;
    private final Path stderr;
    private final Thread reader;
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<String> garbage = new CopyOnWriteArrayList<>();

    private CrashChild(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = Thread.ofPlatform().name("crash-child-stdout").start(this::readAcks);
    }

    static CrashChild start(Path database, int round, Durability durability, Path workDir) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = workDir.resolve("crash-child-" + round + "-" + durability + ".err");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                database.toString(), Integer.toString(round), durability.name(), Long.toString(MAX_MILLIS)));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new CrashChild(process, stderr);
    }

    private void readAcks() {
        try (InputStream in = process.getInputStream()) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                Matcher m = ACK.matcher(line);
                if (m.matches()) {
                    acks.add(new Ack(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                } else {
                    garbage.add(line.toString());
                }
                line.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the first acknowledgement; fails if the child dies or takes longer than {@code timeout}. */
    void awaitFirstAck(Duration timeout) {
        Poll.until(timeout, () -> !acks.isEmpty() || !process.isAlive(), "the first ACK of the crash child");
        if (acks.isEmpty()) {
            throw new AssertionError("crash child exited with " + process.exitValue() + " before any ACK:\n" + stderr());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (on Linux), then waits until the process and its output are gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("crash child did not die");
        }
        reader.join(Duration.ofSeconds(30));
    }

    /** Acknowledged operations, in the order they were printed. */
    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Complete lines that were not acknowledgements (should be none). */
    List<String> garbage() {
        return List.copyOf(garbage);
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
