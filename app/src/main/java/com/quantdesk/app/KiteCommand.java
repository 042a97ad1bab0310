package com.quantdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantdesk.kite.ticker.DecodedMessage;
import com.quantdesk.kite.ticker.DepthLevel;
import com.quantdesk.kite.ticker.Ohlc;
import com.quantdesk.kite.ticker.Segment;
import com.quantdesk.kite.ticker.SkippedBytes;
import com.quantdesk.kite.ticker.TickerDecoder;
import com.quantdesk.kite.ticker.TickerPacket;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quantdesk kite}: tools for Zerodha Kite Connect. */
@Command(name = "kite", mixinStandardHelpOptions = true, description = "Zerodha Kite Connect tools.",
        subcommands = {KiteCommand.Decode.class, KiteCheckCommand.class, KiteLoginCommand.class})
final class KiteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code quantdesk kite decode FILE}: one binary ticker message as JSON lines. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Read a file holding one binary Kite ticker message and print its packets as JSON lines: "
                    + "every field the packet carries, prices divided by the segment's divisor (rupees), times in "
                    + "ISO-8601 with the India offset. A heartbeat prints {\"kind\":\"heartbeat\"}.",
                    "Bytes that cannot be decoded are named on standard error; the exit code is then 1."})
    static final class Decode implements Callable<Integer> {

        private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
        private static final ObjectMapper JSON = new ObjectMapper();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The message, as received (binary).")
        Path file;

        @Override
        public Integer call() throws IOException {
            byte[] message;
            try {
                message = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new UsageException("FILE: " + file + " does not exist");
            }
            if (message.length == 0) {
                throw new UsageException("FILE: " + file + " is empty: a ticker message has at least one byte");
            }
            DecodedMessage decoded = new TickerDecoder().decode(message);
            PrintWriter out = spec.commandLine().getOut();
            if (decoded.heartbeat()) {
                out.println("{\"kind\":\"heartbeat\"}");
            }
            for (TickerPacket packet : decoded.packets()) {
                out.println(JSON.writeValueAsString(json(packet)));
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            for (SkippedBytes skipped : decoded.skipped()) {
                err.println(file + ": skipped " + skipped.length() + " bytes at offset " + skipped.offset() + " ("
                        + skipped.reason() + "): " + skipped.detail());
            }
            err.flush();
            return decoded.malformed() ? QuantdeskCommand.FAILURE : QuantdeskCommand.OK;
        }

        /** Every field of a packet, prices in rupees. */
        static ObjectNode json(TickerPacket packet) {
            ObjectNode node = JSON.createObjectNode();
            Segment segment = packet.segment();
            switch (packet) {
                case TickerPacket.Ltp p -> head(node, "ltp", p, segment);
                case TickerPacket.IndexQuote p -> indexQuote(node, "index_quote", p, segment);
                case TickerPacket.IndexFull p -> {
                    indexQuote(node, "index_full", p.quote(), segment);
                    node.put("exchange_timestamp", time(p.exchangeTimestamp()));
                }
                case TickerPacket.Quote p -> quote(node, "quote", p, segment);
                case TickerPacket.Full p -> {
                    quote(node, "full", p.quote(), segment);
                    node.put("last_trade_time", time(p.lastTradeTime()));
                    node.put("oi", p.openInterest());
                    node.put("oi_day_high", p.openInterestHigh());
                    node.put("oi_day_low", p.openInterestLow());
                    node.put("exchange_timestamp", time(p.exchangeTimestamp()));
                    ObjectNode depth = node.putObject("depth");
                    levels(depth.putArray("buy"), p.depth().bids(), segment);
                    levels(depth.putArray("sell"), p.depth().offers(), segment);
                }
            }
            return node;
        }

        private static void head(ObjectNode node, String kind, TickerPacket packet, Segment segment) {
            node.put("kind", kind);
            node.put("instrument_token", packet.instrumentToken());
            node.put("segment", segment.name());
            node.put("last_price", segment.toRupees(packet.lastPrice()));
        }

        private static void indexQuote(ObjectNode node, String kind, TickerPacket.IndexQuote p, Segment segment) {
            head(node, kind, p, segment);
            ohlc(node, p.ohlc(), segment);
            node.put("change", segment.toRupees(p.change()));
        }

        private static void quote(ObjectNode node, String kind, TickerPacket.Quote p, Segment segment) {
            head(node, kind, p, segment);
            node.put("last_traded_quantity", p.lastQuantity());
            node.put("average_traded_price", segment.toRupees(p.averagePrice()));
            node.put("volume_traded", p.volume());
            node.put("total_buy_quantity", p.totalBuyQuantity());
            node.put("total_sell_quantity", p.totalSellQuantity());
            ohlc(node, p.ohlc(), segment);
            node.put("change", segment.toRupees(p.change()));
        }

        private static void ohlc(ObjectNode node, Ohlc ohlc, Segment segment) {
            ObjectNode o = node.putObject("ohlc");
            o.put("open", segment.toRupees(ohlc.open()));
            o.put("high", segment.toRupees(ohlc.high()));
            o.put("low", segment.toRupees(ohlc.low()));
            o.put("close", segment.toRupees(ohlc.close()));
        }

        private static void levels(ArrayNode array, List<DepthLevel> levels, Segment segment) {
            for (DepthLevel level : levels) {
                array.addObject().put("quantity", level.quantity()).put("price", segment.toRupees(level.price()))
                        .put("orders", level.orders());
            }
        }

        private static String time(Instant instant) {
            return instant.atZone(INDIA).toOffsetDateTime().toString();
        }
    }
}
