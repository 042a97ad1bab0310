package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.HDFCBANK;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.TCS;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxed;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.SetTradingState;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exposure is the net book per symbol, whatever product carries it. */
class NetExposureTest {

    @Test
    void aCncSellAgainstAnMisShortIsNotReducing() {
        RiskDesk desk = new RiskDesk(relaxed());
        desk.price(INFY, 1_500_00);
        desk.hold(INFY, 60, 1_500_00, Product.CNC);
        desk.hold(INFY, -120, 1_500_00, Product.MIS); // net -60
        desk.execute(new SetTradingState(ACC, TradingState.REDUCING, "wind down", "ops"));

        desk.assertDenied(desk.submit(limit(INFY, Side.SELL, 60, 1_500_00, Product.CNC)), "RISK_REDUCING_ONLY", 0, 0);
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 60, 1_500_00, Product.MIS)));
    }

    @Test
    void openEntryOrdersCountTowardsTheOpenPositionLimit() {
        RiskDesk desk = new RiskDesk(relaxed().with(Map.of("maxOpenPositions", "2")));
        desk.price(INFY, 100_00);
        desk.price(TCS, 100_00);
        desk.price(HDFCBANK, 100_00);
        desk.assertAllowed(desk.submit(limit(INFY, Side.BUY, 1, 100_00, Product.CNC)));
        desk.assertAllowed(desk.submit(limit(TCS, Side.BUY, 1, 100_00, Product.CNC)));
        desk.assertDenied(desk.submit(limit(HDFCBANK, Side.BUY, 1, 100_00, Product.CNC)), "RISK_MAX_OPEN_POSITIONS",
                2, 3);
    }

    @Test
    void aFillMarksTheSameSymbolUnderTheOtherProduct() {
        RiskDesk desk = new RiskDesk(relaxed());
        desk.price(TCS, 3_500_00);
        long start = desk.engine.portfolio(ACC).equity();
        desk.hold(TCS, 10, 3_500_00, Product.MIS);
        desk.hold(TCS, 10, 3_400_00, Product.CNC);
        // Both lots are worth 3,400 now: 10 × 100 lost on the MIS lot.
        assertThat(desk.engine.portfolio(ACC).equity()).isEqualTo(start - 10 * 100_00);
    }
}
