package com.quantdesk.server.api;

import com.quantdesk.server.auth.Access;
import com.quantdesk.server.http.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web dashboard: static files read once from the jar (listed in its {@code manifest.txt}) and
 * served at {@code /} and {@code /assets/…} with an ETag, so a reload costs a 304 per file. The
 * dashboard is a client of {@code /api/v1} like any other: these routes only hand out its files.
 */
final class DashboardRoutes {

    static final String ROOT = "/com/quantdesk/server/dashboard/";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json");

    /** One file: its bytes, type and strong ETag. */
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> assets;

    private DashboardRoutes(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads every file the manifest names; a missing one fails the start, not a later request. */
    static DashboardRoutes load() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        String manifest = new String(read("manifest.txt"), StandardCharsets.UTF_8);
        for (String line : manifest.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            String type = TYPES.get(extension);
            if (type == null) {
                throw new IllegalStateException("dashboard manifest: no content type for " + name);
            }
            byte[] bytes = read(name);
            assets.put(name, new Asset(bytes, type, etag(bytes)));
        }
        return new DashboardRoutes(Map.copyOf(assets));
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"), Access.PUBLIC);
        routes.get("/index.html", ctx -> serve(ctx, "index.html"), Access.PUBLIC);
        routes.get("/assets/<path>", ctx -> serve(ctx, "assets/" + ctx.pathParam("path")), Access.PUBLIC);
    }

    /** The files served, by path below the dashboard's root. */
    Map<String, Asset> assets() {
        return assets;
    }

    private void serve(Context ctx, String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw ApiError.notFound("no such file: " + ctx.path());
        }
        // Revalidated on every load: a new version of the jar is picked up at once, an unchanged file costs a 304.
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + name, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
