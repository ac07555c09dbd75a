package io.hyperspatial.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@code hyperspatial serve --port 0} in a child JVM (the same java and class path as the test),
 * the port it printed, and a plain HTTP client for it. Close it to make sure the process is gone.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+) .*");

    private final Process process;
    private final Path stderr;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread reader;
    private volatile int port;

    private ServerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = Thread.ofPlatform().daemon().name("server-process-stdout").start(this::readOutput);
    }

    static ServerProcess start(Path data, Path workDir, String name) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = workDir.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HyperspatialCommand.class.getName(),
                "serve", "--data", data.toString(), "--port", "0", "--preset", "small"));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        ServerProcess p = new ServerProcess(process, stderr);
        p.awaitPort(Duration.ofSeconds(60));
        return p;
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher m = SERVING.matcher(line);
                if (m.matches()) {
                    port = Integer.parseInt(m.group(1));
                }
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (port == 0 && process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (port == 0) {
            close();
            throw new AssertionError("server did not start:\n" + String.join("\n", out) + "\n" + stderr());
        }
    }

    /** Sends a request; returns status and body. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM; waits for the process to exit and returns its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("server did not stop on SIGTERM");
        }
        reader.join(Duration.ofSeconds(10));
        return process.exitValue();
    }

    /** SIGKILL; waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server did not die");
        }
    }

    /** Lines printed on stdout so far. */
    List<String> output() {
        return List.copyOf(out);
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + stderr + ")";
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
        http.close();
    }
}
