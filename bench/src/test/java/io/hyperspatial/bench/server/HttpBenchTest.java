package io.hyperspatial.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server benchmark end to end on a tiny collection: one JSON line per protocol, each with searches done. */
class HttpBenchTest {
    @Test
    void eachProtocolSearchesTheSameCollectionAndReportsALine() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new HttpBench()).execute("--vectors", "300", "--batch", "100", "--dimension", "8",
                    "--concurrency", "1", "--seconds", "1", "--warmup", "0", "--protocols", "http1,grpc,h2c");
        } finally {
            System.setOut(stdout);
        }

        assertThat(exit).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("protocol").asText()).containsExactly("http1", "grpc", "h2c");
        assertThat(lines).extracting(l -> l.get("client").asText()).containsOnly("threads");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("searches").asLong()).isPositive();
            assertThat(l.get("p50_us").asDouble()).isPositive();
            assertThat(l.get("vectors").asInt()).isEqualTo(300);
        });
    }

    /** The event-loop client sends each next search from the answer's callback; gRPC is refused up front. */
    @Test
    void theEventLoopClientSearchesOverHttp() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        int refused;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new HttpBench()).execute("--vectors", "300", "--batch", "100", "--dimension", "8",
                    "--concurrency", "2", "--seconds", "1", "--warmup", "0", "--protocols", "http1,h2c", "--client", "event-loop");
            refused = new CommandLine(new HttpBench()).execute("--vectors", "300", "--protocols", "grpc", "--client", "event-loop");
        } finally {
            System.setOut(stdout);
        }

        assertThat(exit).isZero();
        assertThat(refused).isEqualTo(2);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("protocol").asText()).containsExactly("http1", "h2c");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("client").asText()).isEqualTo("event-loop");
            assertThat(l.get("searches").asLong()).isPositive();
        });
    }
}
