package com.quantdesk.server.notify;

import com.quantdesk.server.http.ApiError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A channel's configuration: its kind, its settings (not secret; shown to administrators) and its
 * secret (sealed at rest, never shown). What each kind takes:
 *
 * <ul>
 *   <li>{@code webhook}: settings {@code url}; secret: the signing key (at least 16 characters)</li>
 *   <li>{@code slack}: no settings; secret: the incoming webhook's address</li>
 *   <li>{@code email}: settings {@code host}, {@code port} (default 587), {@code username} (optional),
 *       {@code from}, {@code to} (comma-separated), {@code caCertificate} (optional PEM); secret: the
 *       password (required with a user name)</li>
 *   <li>{@code telegram}: settings {@code chatId}, {@code apiBase} (default Telegram's); secret: the bot token</li>
 * </ul>
 *
 * Addresses must be {@code https}, or {@code http} to a loopback address (a relay on the same machine).
 *
 * @param kind     the kind
 * @param settings the non-secret settings
 * @param secret   the secret part
 */
public record ChannelSpec(ChannelKind kind, Map<String, String> settings, String secret) {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\",;:@]+(\\.[^\\s<>()\",;:@]+)*@[A-Za-z0-9.-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");
    private static final Pattern CHAT = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z0-9_]{5,64}");
    private static final Map<ChannelKind, Set<String>> KNOWN = Map.of(
            ChannelKind.WEBHOOK, Set.of("url"),
            ChannelKind.SLACK, Set.of(),
            ChannelKind.EMAIL, Set.of("host", "port", "username", "from", "to", "caCertificate"),
            ChannelKind.TELEGRAM, Set.of("chatId", "apiBase"));

    /** Copies. */
    public ChannelSpec {
        Objects.requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
        secret = secret == null ? "" : secret;
    }

    /**
     * Everything wrong with this configuration, each naming its field ({@code settings.url},
     * {@code secret}); empty when it is usable. No message repeats the secret.
     */
    public List<ApiError.FieldError> problems() {
        List<ApiError.FieldError> problems = new ArrayList<>();
        for (String name : settings.keySet()) {
            if (!KNOWN.get(kind).contains(name)) {
                problems.add(new ApiError.FieldError("settings." + name, "is not a setting of a " + kind.text()
                        + " channel"));
            }
        }
        switch (kind) {
            case WEBHOOK -> {
                address("settings.url", setting("url"), true, problems);
                if (secret.length() < 16) {
                    problems.add(new ApiError.FieldError("secret", "the signing key must be at least 16 characters"));
                }
            }
            case SLACK -> {
                if (secret.isEmpty()) {
                    problems.add(new ApiError.FieldError("secret", "is required: the incoming webhook's address"));
                } else {
                    address("secret", secret, false, problems);
                }
            }
            case EMAIL -> email(problems);
            case TELEGRAM -> {
                if (!CHAT.matcher(setting("chatId")).matches()) {
                    problems.add(new ApiError.FieldError("settings.chatId", "is required: a chat id (digits, may"
                            + " start with -) or @channelname"));
                }
                if (!setting("apiBase").isEmpty()) {
                    address("settings.apiBase", setting("apiBase"), true, problems);
                }
                if (!TELEGRAM_TOKEN.matcher(secret).matches()) {
                    problems.add(new ApiError.FieldError("secret", "must be a bot token as BotFather gives it"
                            + " (<digits>:<letters>)"));
                }
            }
        }
        return problems;
    }

    private void email(List<ApiError.FieldError> problems) {
        if (!HOST.matcher(setting("host")).matches()) {
            problems.add(new ApiError.FieldError("settings.host", "is required: the SMTP relay's host name"));
        }
        if (!setting("port").isEmpty() && port().isEmpty()) {
            problems.add(new ApiError.FieldError("settings.port", "must be a port number from 1 to 65535"));
        }
        if (!ADDRESS.matcher(setting("from")).matches()) {
            problems.add(new ApiError.FieldError("settings.from", "is required: the sender's address"));
        }
        List<String> to = recipients();
        if (to.isEmpty() || to.size() > 20 || !to.stream().allMatch(a -> ADDRESS.matcher(a).matches())) {
            problems.add(new ApiError.FieldError("settings.to", "must be 1 to 20 addresses, comma-separated"));
        }
        if (setting("username").length() > 200 || setting("username").chars().anyMatch(c -> c < 0x20)) {
            problems.add(new ApiError.FieldError("settings.username", "must be at most 200 plain characters"));
        }
        if (!setting("username").isEmpty() && secret.isEmpty()) {
            problems.add(new ApiError.FieldError("secret", "is required with settings.username: the password"));
        }
        if (!setting("caCertificate").isEmpty()) {
            try {
                EmailChannel.tlsContext(Optional.of(setting("caCertificate")));
            } catch (IllegalArgumentException e) {
                problems.add(new ApiError.FieldError("settings.caCertificate", "must be one PEM X.509 certificate"));
            }
        }
    }

    /**
     * The channel this configuration describes.
     *
     * @throws IllegalArgumentException when it has {@link #problems()}
     */
    public Channel build(HttpClient client, InstantSource clock) {
        List<ApiError.FieldError> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.getFirst().field() + ": " + problems.getFirst().message());
        }
        return switch (kind) {
            case WEBHOOK -> new WebhookChannel(client, URI.create(setting("url")), secret, clock);
            case SLACK -> new SlackChannel(client, URI.create(secret));
            case EMAIL -> new EmailChannel(emailSettings(), secret, clock);
            case TELEGRAM -> new TelegramChannel(client, setting("apiBase").isEmpty() ? TelegramChannel.DEFAULT_API
                    : URI.create(setting("apiBase")), secret, setting("chatId"));
        };
    }

    /** The settings as administrators see them, with a note of whether a secret is set; never the secret. */
    public Map<String, Object> masked() {
        Map<String, Object> view = new LinkedHashMap<>(new java.util.TreeMap<>(settings));
        view.remove("caCertificate");
        if (settings.containsKey("caCertificate")) {
            view.put("caCertificate", "(set)");
        }
        return view;
    }

    private EmailChannel.Settings emailSettings() {
        Optional<String> ca = setting("caCertificate").isEmpty() ? Optional.empty()
                : Optional.of(setting("caCertificate"));
        return new EmailChannel.Settings(setting("host"), port().orElse(587), setting("username"), setting("from"),
                recipients(), ca);
    }

    private Optional<Integer> port() {
        String text = setting("port");
        if (text.isEmpty()) {
            return Optional.of(587);
        }
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65_535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<String> recipients() {
        List<String> to = new ArrayList<>();
        for (String part : setting("to").split(",")) {
            if (!part.isBlank()) {
                to.add(part.strip());
            }
        }
        return to;
    }

    private String setting(String name) {
        return settings.getOrDefault(name, "").strip();
    }

    /** An https address, or http to loopback. The message shows the address only when it is not secret. */
    private static void address(String field, String text, boolean showable, List<ApiError.FieldError> problems) {
        if (text.isEmpty()) {
            problems.add(new ApiError.FieldError(field, "is required"));
            return;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.add(new ApiError.FieldError(field, "must be an absolute https address"));
            } else if (scheme.equals("http") && !loopback(uri.getHost())) {
                problems.add(new ApiError.FieldError(field, "must be https (plain http only to a loopback address)"));
            }
        } catch (URISyntaxException e) {
            problems.add(new ApiError.FieldError(field, showable ? "is not a valid address: " + e.getReason()
                    : "is not a valid address"));
        }
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            // Only literal addresses: a name is not resolved while validating.
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
