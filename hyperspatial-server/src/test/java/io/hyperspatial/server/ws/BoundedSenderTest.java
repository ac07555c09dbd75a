package io.hyperspatial.server.ws;

import com.linecorp.armeria.common.websocket.CloseWebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded send queue: a client that takes nothing is closed with 1013 once the queue stays full, told where to resume. */
class BoundedSenderTest {
    @Test
    void aClientThatStopsReadingIsClosedWithWhereToResume() throws Exception {
        WebSocketWriter out = WebSocket.streaming();
        BoundedSender sender = new BoundedSender(out, 4, Duration.ofMillis(100), 10);
        for (long sequence = 11; sequence <= 14; sequence++) {
            assertThat(sender.send(sequence, "{\"sequence\": " + sequence + "}")).isTrue();
        }
        assertThat(sender.send(15, "{\"sequence\": 15}")).isFalse();
        assertThat(out.isOpen()).isFalse();
        assertThat(sender.send(16, "{\"sequence\": 16}")).isFalse();

        List<WebSocketFrame> frames = out.collect().join();
        assertThat(frames).hasSize(5);
        assertThat(frames.subList(0, 4)).extracting(WebSocketFrame::text)
                .containsExactly("{\"sequence\": 11}", "{\"sequence\": 12}", "{\"sequence\": 13}", "{\"sequence\": 14}");
        CloseWebSocketFrame close = (CloseWebSocketFrame) frames.get(4);
        assertThat(close.status()).isEqualTo(BoundedSender.OVERFLOW);
        assertThat(close.reasonPhrase()).contains("too slow", "after=10");
    }

    @Test
    void messagesTakenByTheConnectionMakeRoom() throws Exception {
        WebSocketWriter out = WebSocket.streaming();
        var taken = out.collect();
        BoundedSender sender = new BoundedSender(out, 2, Duration.ofSeconds(30), 0);
        for (long sequence = 1; sequence <= 50; sequence++) {
            assertThat(sender.send(sequence, "m" + sequence)).isTrue();
        }
        out.close();
        List<WebSocketFrame> frames = taken.join();
        assertThat(frames).hasSize(51);
        assertThat(frames.get(49).text()).isEqualTo("m50");
        assertThat(frames.get(50)).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(sender.lastTaken()).isEqualTo(50);
    }
}
