package com.quantdesk.server.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One SMTP conversation over a socket: commands, their replies (multi-line ones too) and the message
 * data with its dot-stuffing. A reply other than the expected codes ends it with a reason; the
 * reason never repeats a command that carried credentials.
 */
final class SmtpConversation {

    private static final int MAX_REPLY_SHOWN = 200;

    private final BufferedReader in;
    private final OutputStream out;
    private final String peer;

    SmtpConversation(Socket socket, String peer) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
        this.peer = peer;
    }

    /** EHLO, and the extensions the server lists (one per line, without the code). */
    List<String> hello() throws IOException, DeliveryException {
        send("EHLO quantdesk");
        Reply reply = read();
        if (reply.code() != 250) {
            throw refused("EHLO", reply);
        }
        return reply.lines().subList(Math.min(1, reply.lines().size()), reply.lines().size());
    }

    /** Sends a command and checks its reply's code. */
    Reply command(String line, int... expected) throws IOException, DeliveryException {
        send(line);
        return check(line.split(" ")[0] + (line.startsWith("MAIL") || line.startsWith("RCPT") ? " " + line : ""),
                read(), expected);
    }

    /** Sends a command holding a secret; a refusal names only {@code what}. */
    void secretCommand(String line, String what, int... expected) throws IOException, DeliveryException {
        send(line);
        check(what, read(), expected);
    }

    /** Reads the first reply and checks it. */
    void expect(int code) throws IOException, DeliveryException {
        check("the greeting", read(), code);
    }

    /** The message after DATA's 354: lines dot-stuffed, then the lone dot. */
    void data(String message) throws IOException, DeliveryException {
        StringBuilder wire = new StringBuilder();
        for (String line : message.split("\r\n", -1)) {
            wire.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        wire.setLength(wire.length() - 2);
        if (!message.endsWith("\r\n")) {
            wire.append("\r\n");
        }
        wire.append(".\r\n");
        out.write(wire.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        check("the message", read(), 250);
    }

    /** QUIT, ignoring what happens: the mail is already accepted, or we are leaving anyway. */
    void quietQuit() {
        try {
            send("QUIT");
            read();
        } catch (IOException | DeliveryException e) {
            // Nothing depends on a polite goodbye.
        }
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Reply read() throws IOException, DeliveryException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new DeliveryException(peer + " closed the connection");
            }
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new DeliveryException(peer + " does not speak SMTP");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    private Reply check(String what, Reply reply, int... expected) throws DeliveryException {
        for (int code : expected) {
            if (reply.code() == code) {
                return reply;
            }
        }
        throw refused(what, reply);
    }

    private DeliveryException refused(String what, Reply reply) {
        String text = String.join(" ", reply.lines());
        if (text.length() > MAX_REPLY_SHOWN) {
            text = text.substring(0, MAX_REPLY_SHOWN) + "…";
        }
        return new DeliveryException(peer + " refused " + what + ": " + reply.code() + " " + text);
    }

    /** A reply: its code and the text of each line. */
    record Reply(int code, List<String> lines) {
    }
}
