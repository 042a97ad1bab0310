package com.quantdesk.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The API page for people: the OpenAPI document rendered once, on the server, as plain HTML (no
 * script, so the page works under the API's strict Content-Security-Policy).
 */
final class ApiPage {

    static final String CSS = """
            body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
            h1{margin-bottom:0}h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de}
            .op{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
            .m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:ui-monospace,monospace}
            .GET{color:#0969da}.POST{color:#1a7f37}.PUT,.PATCH{color:#9a6700}.DELETE{color:#cf222e}
            code,.p{font-family:ui-monospace,monospace}.roles{color:#57606a;font-size:.9em}
            table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eaeef2;text-align:left}
            """;

    private static final String[] METHODS = {"get", "post", "put", "patch", "delete"};

    private ApiPage() {
    }

    /** The page of a whole OpenAPI document. */
    static String render(JsonNode doc) {
        StringBuilder html = new StringBuilder(64 * 1024);
        JsonNode info = doc.path("info");
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(info.path("title").asText())).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/api/docs.css\"></head><body><h1>")
                .append(esc(info.path("title").asText())).append("</h1><p>version ")
                .append(esc(info.path("version").asText())).append(" · <a href=\"/api/v1/openapi.json\">")
                .append("OpenAPI 3.1 document</a></p><p>").append(esc(info.path("description").asText()))
                .append("</p>");
        String tag = "";
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String opTag = op.path("tags").path(0).asText("");
                if (!opTag.equals(tag)) {
                    tag = opTag;
                    html.append("<h2>").append(esc(tag)).append("</h2>");
                }
                operation(html, method.toUpperCase(java.util.Locale.ROOT), path.getKey(), op);
            }
        }
        return html.append("</body></html>").toString();
    }

    private static void operation(StringBuilder html, String method, String path, JsonNode op) {
        html.append("<div class=\"op\"><span class=\"m ").append(method).append("\">").append(method)
                .append("</span> <span class=\"p\">").append(esc(path)).append("</span><p>")
                .append(esc(op.path("summary").asText())).append("</p>");
        if (op.has("description")) {
            html.append("<p>").append(esc(op.path("description").asText())).append("</p>");
        }
        JsonNode roles = op.path("x-roles");
        if (roles.isArray() && !roles.isEmpty()) {
            html.append("<p class=\"roles\">who: ");
            for (int i = 0; i < roles.size(); i++) {
                html.append(i > 0 ? ", " : "").append(esc(roles.get(i).asText()));
            }
            html.append("</p>");
        }
        JsonNode params = op.path("parameters");
        if (params.isArray() && !params.isEmpty()) {
            html.append("<table><tr><th>parameter</th><th>in</th><th>meaning</th></tr>");
            for (JsonNode p : params) {
                html.append("<tr><td><code>").append(esc(p.path("name").asText())).append("</code></td><td>")
                        .append(esc(p.path("in").asText())).append("</td><td>")
                        .append(esc(p.path("description").asText())).append("</td></tr>");
            }
            html.append("</table>");
        }
        JsonNode responses = op.path("responses");
        if (responses.isObject()) {
            html.append("<p class=\"roles\">answers: ");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> r = it.next();
                html.append(first ? "" : " · ").append("<b>").append(esc(r.getKey())).append("</b> ")
                        .append(esc(r.getValue().path("description").asText()));
                first = false;
            }
            html.append("</p>");
        }
        html.append("</div>");
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
