package com.quantdesk.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import com.quantdesk.kite.live.QuotePolling;
import com.quantdesk.kite.rest.KiteResilience;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The fallback feed reads quotes over REST from the sandbox only while it is wanted. */
class QuotePollingSandboxIT {

    @Test
    void quotesAreReadOnlyWhileWantedAndBecomeTicksOfTheQuotedSymbols() {
        try (KiteOnSandbox kite = KiteOnSandbox.start(11, KiteResilience.DEFAULTS, Duration.ofSeconds(5))) {
            AtomicBoolean wanted = new AtomicBoolean(false);
            List<Symbol> symbols = List.of(Symbol.of("INFY"), Symbol.of("TCS"));
            try (QuotePolling polling = new QuotePolling(kite.client, symbols, InstantSource.system(),
                    Duration.ofMillis(50), wanted::get)) {
                polling.start();
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> polling.reads() == 0);
                assertThat(polling.poll()).isEmpty();

                wanted.set(true);
                List<Tick> ticks = new ArrayList<>();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    ticks.addAll(polling.poll());
                    return polling.reads() >= 3 && ticks.stream().map(Tick::symbol).distinct().count() == 2;
                });
                assertThat(ticks).allSatisfy(tick -> {
                    assertThat(symbols).contains(tick.symbol());
                    assertThat(tick.price()).isPositive();
                    assertThat(tick.price() % 5).as("on the 5-paise tick").isZero();
                    assertThat(tick.size()).isNotNegative();
                });

                wanted.set(false);
                long reads = polling.reads();
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                        .until(() -> polling.reads() <= reads + 1);
            }
        }
    }
}
