package com.quantdesk.app.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/** The JSON format: masks credentials inside any string value (the message, a stack trace, an argument). */
public final class SecretValueMasker implements ValueMasker {

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof CharSequence text) {
            String original = text.toString();
            String masked = SecretMask.mask(original);
            return masked.equals(original) ? null : masked;
        }
        return null;
    }
}
