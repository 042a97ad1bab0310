package com.quantdesk.server.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A bot as the API shows it: its definition, state and the P&amp;L of its own book (rupees).
 *
 * @param id         the bot
 * @param account    the account it trades for
 * @param strategy   the strategy's name
 * @param params     its parameters
 * @param symbols    its symbols
 * @param interval   its bar interval, e.g. {@code 5m}
 * @param state      RUNNING, PAUSED or STOPPED
 * @param realized   realized P&amp;L before charges
 * @param unrealized P&amp;L of its open positions
 * @param charges    charges on its fills
 * @param net        realized + unrealized - charges
 * @param positions  its positions
 */
public record BotView(String id, String account, String strategy, Map<String, String> params, List<String> symbols,
                      String interval, String state, BigDecimal realized, BigDecimal unrealized, BigDecimal charges,
                      BigDecimal net, List<PositionView> positions) {
}
