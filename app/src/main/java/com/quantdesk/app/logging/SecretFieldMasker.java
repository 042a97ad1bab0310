package com.quantdesk.app.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.FieldMasker;

/** The JSON format: masks the whole value of a field named like a secret ({@code password}, {@code token}, …). */
public final class SecretFieldMasker implements FieldMasker {

    @Override
    public Object mask(JsonStreamContext context) {
        return SecretMask.isSecretName(context.getCurrentName()) ? SecretMask.MASK : null;
    }
}
