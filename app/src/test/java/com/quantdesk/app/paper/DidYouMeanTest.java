package com.quantdesk.app.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final Set<String> KNOWN = Set.of("accounts", "bots", "dataDir", "database", "feed", "venue");

    @Test
    void suggestsTheNameOneSlipAway() {
        assertThat(DidYouMean.closest("acounts", KNOWN)).contains("accounts");
        assertThat(DidYouMean.closest("dataDri", KNOWN)).contains("dataDir");
        assertThat(DidYouMean.closest("DATADIR", KNOWN)).contains("dataDir");
        assertThat(DidYouMean.closest("bot", KNOWN)).contains("bots");
        assertThat(DidYouMean.hint("veneu", KNOWN)).isEqualTo("; did you mean 'venue'?");
    }

    @Test
    void suggestsNothingForAnotherWord() {
        assertThat(DidYouMean.closest("strategy", KNOWN)).isEmpty();
        assertThat(DidYouMean.closest("x", KNOWN)).isEmpty();
        assertThat(DidYouMean.hint("logging", KNOWN)).isEmpty();
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(DidYouMean.distance("QD_PROT", "QD_PORT")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
