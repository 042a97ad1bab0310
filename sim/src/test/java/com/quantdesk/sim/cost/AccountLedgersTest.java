package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderFilled;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountLedgersTest {

    private static final NseCostModel ZERODHA = new NseCostModel(ChargeRates.zerodhaNse());
    private static final Symbol INFY = Symbol.of("INFY");
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    /** Monday 11:00 IST. */
    private static final Instant MONDAY_11 = Instant.parse("2026-03-02T05:30:00Z");

    /** The charges of one delivery sell of {@code value} on Monday. */
    /** A CNC sell at ₹2,000 a share, booked with its quantity as the venues and the replay book it. */
    private static long sell(ChargesLedger ledger, long id, long value) {
        return ledger.chargeForFill(OrderId.of(id), INFY, Side.SELL, Product.CNC, value / 2_000_00, 2_000_00, MONDAY);
    }

    @Test
    void twoAccountsSellingTheSameSymbolOnTheSameDayEachPayTheirDpCharge() {
        AccountLedgers ledgers = new AccountLedgers(ZERODHA);
        long alice = sell(ledgers.of(ALICE), 1, 50_000_00);
        long bob = sell(ledgers.of(BOB), 2, 50_000_00);
        long aliceAgain = sell(ledgers.of(ALICE), 3, 50_000_00);

        assertThat(bob).as("bob's first delivery sell of the day pays DP too").isEqualTo(alice);
        assertThat(alice - aliceAgain).as("alice's second sell of the day pays no DP: ₹13.50 + 18% GST less")
                .isEqualTo(15_93);
    }

    @Test
    void aLedgerRebuiltFromTheJournalChargesTheRestOfAPartlyFilledOrderAsOneOrder() {
        // Live: an MIS buy of ₹1,40,000 filled in three parts; brokerage is capped at ₹20 for the order.
        AccountLedgers live = new AccountLedgers(ZERODHA);
        long first = live.of(ALICE).chargeForFill(OrderId.of(1), INFY, Side.BUY, Product.MIS, 40_000_00, MONDAY);
        long second = live.of(ALICE).chargeForFill(OrderId.of(1), INFY, Side.BUY, Product.MIS, 50_000_00, MONDAY);

        // A restart after two parts: the ledgers are rebuilt from the journaled fills, then the third comes.
        AccountLedgers restarted = new AccountLedgers(ZERODHA);
        restarted.replay(fill(1, 40_000_00, first, 100));
        restarted.replay(fill(2, 50_000_00, second, 50));
        long third = restarted.of(ALICE).chargeForFill(OrderId.of(1), INFY, Side.BUY, Product.MIS, 50_000_00, MONDAY);

        assertThat(first + second + third).isEqualTo(32_87);
        assertThat(third).isEqualTo(live.of(ALICE).chargeForFill(OrderId.of(1), INFY, Side.BUY, Product.MIS,
                50_000_00, MONDAY));
    }

    @Test
    void aRebuiltLedgerRemembersTheDaysDpChargeOfEachAccount() {
        AccountLedgers live = new AccountLedgers(ZERODHA);
        long firstSell = sell(live.of(ALICE), 1, 50_000_00);

        AccountLedgers restarted = new AccountLedgers(ZERODHA);
        restarted.replay(new OrderFilled(1, MONDAY_11, ALICE, BotId.NONE, 1, OrderId.of(1), "T1", INFY, Side.SELL,
                Product.CNC, 25, 2_000_00, firstSell, 25, 0));

        assertThat(sell(restarted.of(ALICE), 2, 50_000_00)).as("already paid today").isLessThan(firstSell);
        assertThat(sell(restarted.of(BOB), 3, 50_000_00)).as("bob's first sell today").isEqualTo(firstSell);
    }

    private static OrderFilled fill(long sequence, long value, long charges, long quantityOf140) {
        return new OrderFilled(sequence, MONDAY_11, ALICE, BotId.NONE, 1, OrderId.of(1), "T" + sequence, INFY,
                Side.BUY, Product.MIS, quantityOf140, value / quantityOf140, charges, sequence == 1 ? 100 : 150, 50);
    }
}
