package com.quantdesk.kite.ticker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny RFC 6455 WebSocket server for tests, on a plain {@link ServerSocket} (the JDK has a WebSocket
 * client but no server): the opening handshake, text and binary frames both ways, ping, close, and an
 * abrupt drop. Each accepted connection is recorded with its request target and the texts it received.
 */
final class MiniWebSocketServer implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile int refuseWith;

    MiniWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("mini-ws-accept").start(this::acceptLoop);
    }

    /** {@code ws://127.0.0.1:port}. */
    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** Every connection accepted so far, oldest first. */
    List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** From now on, answers every opening handshake with this HTTP status instead of 101 (0: accept). */
    void refuseWith(int status) {
        refuseWith = status;
    }

    /** The newest connection. */
    Connection latest() {
        return connections.getLast();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : connections) {
            connection.drop();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                if (refuseWith != 0) {
                    connection.refuse(refuseWith);
                    continue;
                }
                connection.handshake();
                connections.add(connection);
                Thread.ofPlatform().daemon().name("mini-ws-read").start(connection::readLoop);
            } catch (IOException e) {
                // the server was closed, or a client went away mid-handshake
            }
        }
    }

    /** One client connection. */
    static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final List<String> texts = new CopyOnWriteArrayList<>();
        private volatile String target;
        private volatile boolean closed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The request target of the opening handshake, e.g. {@code /?api_key=k&access_token=t}. */
        String target() {
            return target;
        }

        /** The text messages received from the client, in order. */
        List<String> texts() {
            return List.copyOf(texts);
        }

        /** Whether the connection has ended. */
        boolean closed() {
            return closed;
        }

        void sendBinary(byte[] payload) {
            send(0x2, payload);
        }

        /** Sends one binary message as two frames: the first {@code splitAt} bytes, then the rest. */
        void sendBinaryInTwoFrames(byte[] payload, int splitAt) {
            sendFrame(0x2, false, java.util.Arrays.copyOfRange(payload, 0, splitAt));
            sendFrame(0x0, true, java.util.Arrays.copyOfRange(payload, splitAt, payload.length));
        }

        void sendText(String text) {
            send(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Ends the TCP connection without a close frame, as a network failure would. */
        void drop() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }

        private void refuse(int status) throws IOException {
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                // skip the request
            }
            out.write(("HTTP/1.1 " + status + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            drop();
        }

        private void handshake() throws IOException {
            String requestLine = readLine();
            String key = null;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                throw new IOException("no Sec-WebSocket-Key in " + requestLine);
            }
            target = requestLine.split(" ")[1];
            String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
            synchronized (out) {
                out.write(response.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        private void readLoop() {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            try (DataInputStream data = new DataInputStream(in)) {
                while (!closed) {
                    int b0 = data.readUnsignedByte();
                    int b1 = data.readUnsignedByte();
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = data.readUnsignedShort();
                    } else if (length == 127) {
                        length = data.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        data.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    data.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = b0 & 0x0F;
                    switch (opcode) {
                        case 0x0, 0x1, 0x2 -> {
                            message.writeBytes(payload);
                            if ((b0 & 0x80) != 0) {
                                if (opcode == 0x1 || opcode == 0x0) {
                                    texts.add(message.toString(StandardCharsets.UTF_8));
                                }
                                message.reset();
                            }
                        }
                        case 0x8 -> {
                            sendQuietly(0x8, payload);
                            drop();
                        }
                        case 0x9 -> sendQuietly(0xA, payload);
                        default -> { }
                    }
                }
            } catch (IOException e) {
                drop();
            }
        }

        /** Answers the client; a client already gone is no error here. */
        private void sendQuietly(int opcode, byte[] payload) {
            try {
                send(opcode, payload);
            } catch (UncheckedIOException e) {
                drop();
            }
        }

        private void send(int opcode, byte[] payload) {
            sendFrame(opcode, true, payload);
        }

        private void sendFrame(int opcode, boolean fin, byte[] payload) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 0x10000) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            frame.writeBytes(payload);
            try {
                synchronized (out) {
                    out.write(frame.toByteArray());
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed during the handshake");
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        private static String accept(String key) {
            try {
                byte[] sha1 = MessageDigest.getInstance("SHA-1")
                        .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
                return Base64.getEncoder().encodeToString(sha1);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
