package com.quantdesk.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.audit.AuditTrail;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.notify.ChannelKind;
import com.quantdesk.server.notify.ChannelSpec;
import com.quantdesk.server.notify.Delivery;
import com.quantdesk.server.notify.NotificationStore;
import com.quantdesk.server.notify.Notifier;
import com.quantdesk.server.notify.Subscription;
import com.quantdesk.server.trading.Alerts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notification channels and deliveries (ADMIN) and each user's own subscriptions. A channel's secret
 * is write-only: no answer carries it.
 */
final class NotificationRoutes {

    private static final int MAX_SUBSCRIPTIONS = 50;
    private static final String KINDS = Arrays.stream(ChannelKind.values()).map(ChannelKind::text)
            .collect(Collectors.joining(", "));

    private final Notifier notifier;
    private final NotificationStore store;
    private final AuditTrail audit;

    NotificationRoutes(Notifier notifier, AuditTrail audit) {
        this.notifier = notifier;
        this.store = notifier.store();
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/notifications/channels", this::create, Role.ADMIN);
        routes.get("/api/v1/notifications/channels", this::list, Role.ADMIN);
        routes.delete("/api/v1/notifications/channels/{id}", this::delete, Role.ADMIN);
        routes.post("/api/v1/notifications/channels/{id}/test", this::test, Role.ADMIN);
        routes.get("/api/v1/notifications/deliveries", this::deliveries, Role.ADMIN);
        routes.get("/api/v1/notifications/subscriptions", this::subscriptions, Access.AUTHENTICATED);
        routes.put("/api/v1/notifications/subscriptions", this::setSubscriptions, Access.AUTHENTICATED);
    }

    private void create(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        String name = body.text("name", 64);
        String kindText = body.text("kind", 16);
        Map<String, String> settings = body.strings("settings", 10, 8000);
        String secret = body.optionalText("secret", 2000).orElse("");
        Optional<ChannelKind> kind = ChannelKind.parse(kindText);
        if (!kindText.isEmpty() && kind.isEmpty()) {
            body.fail("kind", "must be one of " + KINDS);
        }
        if (name.isBlank() && body.has("name")) {
            body.fail("name", "must not be blank");
        }
        kind.ifPresent(k -> new ChannelSpec(k, settings, secret).problems()
                .forEach(p -> body.fail(p.field(), p.message())));
        body.done();
        NotificationStore.StoredChannel channel = store.createChannel(name.strip(),
                new ChannelSpec(kind.orElseThrow(), settings, secret), Requests.principal(ctx).username());
        audit.record(Requests.caller(ctx).entry(AccountId.SYSTEM, "notification.channel.create", channel.id(),
                "201 created", channel.name() + " (" + channel.kind().text() + ")"));
        ctx.status(201).header("Location", "/api/v1/notifications/channels/" + channel.id()).json(view(channel));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("items", store.channels().stream().map(NotificationRoutes::view).toList()));
    }

    private void delete(Context ctx) {
        Requests.audited(ctx);
        String id = channelId(ctx);
        NotificationStore.StoredChannel channel = store.channel(id).orElseThrow(
                () -> ApiError.notFound("no notification channel " + id));
        store.deleteChannel(id);
        audit.record(Requests.caller(ctx).entry(AccountId.SYSTEM, "notification.channel.delete", id, "ok",
                channel.name() + " (" + channel.kind().text() + ")"));
        ctx.status(204);
    }

    private void test(Context ctx) {
        Requests.audited(ctx);
        Requests.body(ctx).done();
        String id = channelId(ctx);
        Principal p = Requests.principal(ctx);
        Notifier.TestResult result;
        try {
            result = notifier.sendTest(id, p.username());
        } catch (NoSuchElementException e) {
            throw ApiError.notFound("no notification channel " + id);
        }
        audit.record(Requests.caller(ctx).entry(AccountId.SYSTEM, "notification.channel.test", id,
                result.delivered() ? "delivered" : "failed", result.error().orElse("")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deliveryId", result.deliveryId());
        answer.put("delivered", result.delivered());
        answer.put("error", result.error().orElse(null));
        ctx.json(answer);
    }

    private void deliveries(Context ctx) {
        Optional<String> channel = Requests.query(ctx, "channel", 32);
        ctx.json(Map.of("items", store.recent(channel, Requests.limit(ctx)).stream()
                .map(NotificationRoutes::view).toList()));
    }

    private void subscriptions(Context ctx) {
        Principal p = Requests.principal(ctx);
        Map<String, NotificationStore.StoredChannel> channels = new LinkedHashMap<>();
        store.channels().stream().filter(NotificationStore.StoredChannel::enabled).forEach(c -> channels.put(c.id(),
                c));
        List<Map<String, Object>> items = store.subscriptions(p.username()).stream()
                .filter(s -> channels.containsKey(s.channelId()))
                .map(s -> view(s, channels.get(s.channelId()))).toList();
        List<Map<String, Object>> available = channels.values().stream().map(c -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", c.id());
            view.put("name", c.name());
            view.put("kind", c.kind().text());
            return view;
        }).toList();
        ctx.json(Map.of("items", items, "channels", available));
    }

    private void setSubscriptions(Context ctx) {
        Requests.audited(ctx);
        Principal p = Requests.principal(ctx);
        Requests.body(ctx);
        JsonNode root = Json.read(ctx.bodyAsBytes());
        List<ApiError.FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals("subscriptions")) {
                errors.add(new ApiError.FieldError(f, "is not a known field"));
            }
        });
        JsonNode list = root.path("subscriptions");
        if (!list.isArray() || list.size() > MAX_SUBSCRIPTIONS) {
            errors.add(new ApiError.FieldError("subscriptions", "is required: a list of at most "
                    + MAX_SUBSCRIPTIONS + " {channel, minSeverity, accounts} (an empty list unsubscribes)"));
            throw invalid(errors);
        }
        Set<String> known = store.channels().stream().filter(NotificationStore.StoredChannel::enabled)
                .map(NotificationStore.StoredChannel::id).collect(Collectors.toSet());
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            subscription(list.get(i), "subscriptions[" + i + "]", p, known, seen, errors)
                    .ifPresent(subscriptions::add);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        store.setSubscriptions(p.username(), subscriptions);
        audit.record(Requests.caller(ctx).entry(AccountId.SYSTEM, "notification.subscriptions.set", p.username(),
                "ok", subscriptions.stream().map(s -> s.channelId() + ":" + s.minSeverity().name() + ":"
                        + (s.allAccounts() ? "all" : s.accounts().stream().map(AccountId::value).sorted()
                        .collect(Collectors.joining("+")))).collect(Collectors.joining(","))));
        subscriptions(ctx);
    }

    private static Optional<Subscription> subscription(JsonNode item, String at, Principal p, Set<String> known,
                                                       Set<String> seen, List<ApiError.FieldError> errors) {
        int before = errors.size();
        if (!item.isObject()) {
            errors.add(new ApiError.FieldError(at, "must be an object {channel, minSeverity, accounts}"));
            return Optional.empty();
        }
        item.fieldNames().forEachRemaining(f -> {
            if (!Set.of("channel", "minSeverity", "accounts").contains(f)) {
                errors.add(new ApiError.FieldError(at + "." + f, "is not a known field"));
            }
        });
        String channel = item.path("channel").asText("");
        if (!known.contains(channel)) {
            errors.add(new ApiError.FieldError(at + ".channel", "must be the id of an enabled channel"));
        } else if (!seen.add(channel)) {
            errors.add(new ApiError.FieldError(at + ".channel", "is listed twice"));
        }
        Alerts.Severity severity = Alerts.Severity.INFO;
        JsonNode min = item.path("minSeverity");
        if (!min.isMissingNode()) {
            try {
                severity = Alerts.Severity.valueOf(min.asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiError.FieldError(at + ".minSeverity", "must be one of critical, warning, info"));
            }
        }
        Set<AccountId> accounts = new LinkedHashSet<>();
        JsonNode listed = item.path("accounts");
        if (listed.isArray() && !listed.isEmpty() && listed.size() <= 100) {
            for (JsonNode a : listed) {
                try {
                    AccountId account = AccountId.of(a.asText(""));
                    if (!p.sees(account)) {
                        errors.add(new ApiError.FieldError(at + ".accounts", "account " + account.value()
                                + " is not granted to you"));
                    }
                    accounts.add(account);
                } catch (IllegalArgumentException e) {
                    errors.add(new ApiError.FieldError(at + ".accounts", e.getMessage()));
                }
            }
        } else if (!listed.isMissingNode() && !"all".equals(listed.asText(null))) {
            errors.add(new ApiError.FieldError(at + ".accounts", "must be \"all\" or a list of 1 to 100 accounts"));
        }
        return errors.size() == before ? Optional.of(new Subscription(channel, severity, accounts)) : Optional.empty();
    }

    private static ApiError invalid(List<ApiError.FieldError> errors) {
        return ApiError.invalid(errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid", errors);
    }

    private static String channelId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9a-f]{16}")) {
            throw ApiError.notFound("no notification channel " + id);
        }
        return id;
    }

    private static Map<String, Object> view(NotificationStore.StoredChannel c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("name", c.name());
        view.put("kind", c.kind().text());
        view.put("settings", new ChannelSpec(c.kind(), c.settings(), "").masked());
        view.put("secret", "(set, not shown)");
        view.put("enabled", c.enabled());
        view.put("createdBy", c.createdBy());
        view.put("createdAt", c.createdAt().toString());
        return view;
    }

    private static Map<String, Object> view(Subscription s, NotificationStore.StoredChannel c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", s.channelId());
        view.put("channelName", c.name());
        view.put("kind", c.kind().text());
        view.put("minSeverity", s.minSeverity().text());
        view.put("accounts", s.allAccounts() ? "all" : s.accounts().stream().map(AccountId::value).sorted().toList());
        return view;
    }

    private static Map<String, Object> view(Delivery d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("channel", d.channelId());
        view.put("key", d.notification().key());
        view.put("severity", d.severity().text());
        view.put("account", d.notification().account());
        view.put("code", d.notification().code());
        view.put("title", d.notification().title());
        view.put("test", d.test());
        view.put("status", d.status().text());
        view.put("attempts", d.attempts());
        view.put("lastError", d.lastError().orElse(null));
        view.put("nextAttemptAt", d.status() == Delivery.Status.PENDING && !d.test()
                ? d.nextAttemptAt().toString() : null);
        view.put("deliveredAt", d.deliveredAt().map(Instant::toString).orElse(null));
        view.put("createdAt", d.createdAt().toString());
        return view;
    }
}
