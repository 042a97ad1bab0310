package com.quantdesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON request body read field by field. Every problem is collected, so one answer names every
 * field at fault; {@link #done()} then refuses the request if there was any, or if the body holds a
 * field nobody asked for (a misspelt field is an error, not something silently ignored).
 *
 * <p>Money is given in rupees as a JSON number or string with at most two decimals and read exactly
 * into paise; binary floating point never touches it.
 */
public final class Body {

    private static final int MAX_DEPTH_ITEMS = 100;

    private final ObjectNode node;
    private final List<ApiError.FieldError> errors = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    private Body(ObjectNode node) {
        this.node = node;
    }

    /** The body as a JSON object; anything else is a 400. */
    public static Body of(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.invalid("the request body must be a JSON object", List.of());
        }
        return new Body(object);
    }

    /** An empty body, for requests whose body is optional. */
    public static Body empty() {
        return new Body(Json.MAPPER.createObjectNode());
    }

    /** A required text of at most {@code maxLength} characters, without control characters. */
    public String text(String field, int maxLength) {
        return optionalText(field, maxLength).orElseGet(() -> {
            if (!node.has(field) || node.get(field).isNull()) {
                fail(field, "is required");
            }
            return "";
        });
    }

    /** An optional text; absent or null is empty. */
    public Optional<String> optionalText(String field, int maxLength) {
        JsonNode value = take(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            fail(field, "must be a string");
            return Optional.empty();
        }
        String text = value.textValue();
        if (text.length() > maxLength) {
            fail(field, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            fail(field, "must not contain control characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A required whole number within [{@code min}, {@code max}]. */
    public long integer(String field, long min, long max) {
        JsonNode value = take(field);
        if (value == null) {
            fail(field, "is required");
            return min;
        }
        return checkedInteger(field, value, min, max);
    }

    /** An optional whole number within [{@code min}, {@code max}], else {@code otherwise}. */
    public long integer(String field, long min, long max, long otherwise) {
        JsonNode value = take(field);
        return value == null ? otherwise : checkedInteger(field, value, min, max);
    }

    private long checkedInteger(String field, JsonNode value, long min, long max) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            fail(field, "must be a whole number");
            return min;
        }
        long n = value.longValue();
        if (n < min || n > max) {
            fail(field, "must be between " + min + " and " + max);
            return min;
        }
        return n;
    }

    /**
     * An optional amount in rupees (number or string, at most two decimals), as paise within
     * [{@code minPaise}, {@code maxPaise}]; {@code otherwise} when absent.
     */
    public long rupees(String field, long minPaise, long maxPaise, long otherwise) {
        JsonNode value = take(field);
        if (value == null) {
            return otherwise;
        }
        BigDecimal amount;
        try {
            amount = value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.textValue())
                    : null;
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null) {
            fail(field, "must be an amount in rupees, e.g. 1520.05");
            return otherwise;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            fail(field, "must have at most two decimals (paise)");
            return otherwise;
        }
        BigDecimal paise = amount.movePointRight(2);
        if (paise.compareTo(BigDecimal.valueOf(minPaise)) < 0 || paise.compareTo(BigDecimal.valueOf(maxPaise)) > 0) {
            fail(field, "must be between " + BigDecimal.valueOf(minPaise, 2).toPlainString() + " and "
                    + BigDecimal.valueOf(maxPaise, 2).toPlainString());
            return otherwise;
        }
        return paise.longValueExact();
    }

    /** A required choice among an enum's names (case-insensitive). */
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        return optionalChoice(field, type).orElseGet(() -> {
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                fail(field, "is required; one of " + names(type));
            }
            return null;
        });
    }

    /** An optional choice among an enum's names (case-insensitive). */
    public <E extends Enum<E>> Optional<E> optionalChoice(String field, Class<E> type) {
        JsonNode value = take(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.textValue())) {
                    return Optional.of(constant);
                }
            }
        }
        fail(field, "must be one of " + names(type));
        return Optional.empty();
    }

    /** An optional boolean, else {@code otherwise}. */
    public boolean flag(String field, boolean otherwise) {
        JsonNode value = take(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            fail(field, "must be true or false");
            return otherwise;
        }
        return value.booleanValue();
    }

    /** An optional list of texts (absent: empty). */
    public List<String> texts(String field, int maxItems, int maxLength) {
        JsonNode value = take(field);
        List<String> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (!value.isArray() || value.size() > maxItems) {
            fail(field, "must be a list of at most " + maxItems + " strings");
            return list;
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || item.textValue().length() > maxLength || item.textValue().isBlank()) {
                fail(field, "must hold non-empty strings of at most " + maxLength + " characters");
                return new ArrayList<>();
            }
            list.add(item.textValue());
        }
        return list;
    }

    /** An optional object of string (or number, or boolean) values, as text; absent: empty. */
    public Map<String, String> strings(String field, int maxItems, int maxLength) {
        JsonNode value = take(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!value.isObject() || value.size() > Math.min(maxItems, MAX_DEPTH_ITEMS)) {
            fail(field, "must be an object of at most " + maxItems + " values");
            return map;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode v = entry.getValue();
            if (!(v.isTextual() || v.isNumber() || v.isBoolean()) || v.asText().length() > maxLength
                    || entry.getKey().length() > maxLength) {
                fail(field + "." + entry.getKey(), "must be a string, number or boolean of at most " + maxLength
                        + " characters");
                continue;
            }
            map.put(entry.getKey(), v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
        }
        return map;
    }

    /** Records a problem with a field found by the caller's own rule. */
    public void fail(String field, String message) {
        errors.add(new ApiError.FieldError(field, message));
    }

    /** Whether any field was found at fault so far. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether the body has the field (even null). */
    public boolean has(String field) {
        return node.has(field);
    }

    /** Refuses the request if any field was at fault or not asked for. */
    public void done() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!read.contains(name)) {
                fail(name, "is not a known field");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid", errors);
        }
    }

    private JsonNode take(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return String.join(", ", names).toUpperCase(Locale.ROOT);
    }
}
