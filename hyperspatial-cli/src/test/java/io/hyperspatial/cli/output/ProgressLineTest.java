package io.hyperspatial.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private ProgressLine line(boolean terminal) {
        return new ProgressLine(new PrintWriter(text, true), "writing demo", "entities", 1000, terminal, clock::get);
    }

    @Test
    void onATerminalRedrawsInPlaceAtMostTenTimesASecond() {
        ProgressLine p = line(true);
        p.update(100);
        clock.addAndGet(50_000_000);
        p.update(200);
        clock.addAndGet(60_000_000);
        p.update(300);
        p.finish();
        String esc = "\u001B[K";
        assertThat(text.toString()).isEqualTo("\rwriting demo: 100/1,000 entities (10%)" + esc
                + "\rwriting demo: 300/1,000 entities (30%)" + esc
                + "\rwriting demo: 300/1,000 entities (30%)" + esc + "\n");
    }

    @Test
    void elsewherePrintsALineAtEachTenth() {
        ProgressLine p = line(false);
        for (int done = 50; done <= 1000; done += 50) {
            p.update(done);
        }
        p.finish();
        String out = text.toString();
        assertThat(out.lines()).hasSize(10).first().isEqualTo("writing demo: 100/1,000 entities (10%)");
        assertThat(out.lines().toList().getLast()).isEqualTo("writing demo: 1,000/1,000 entities (100%)");
        assertThat(out).doesNotContain("\r");
    }

    @Test
    void finishReportsWhereItStoppedIfShortOfTheEnd() {
        ProgressLine p = line(false);
        p.update(50);
        p.finish();
        assertThat(text.toString()).isEqualTo("writing demo: 50/1,000 entities (5%)\n");
    }
}
