package com.quantdesk.app.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.Charset;

/**
 * The text format: a pattern layout whose every line, stack trace included, has its secrets masked
 * ({@link SecretMask}) before it is written.
 */
public final class MaskingPatternLayoutEncoder extends PatternLayoutEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        Charset charset = getCharset() == null ? Charset.defaultCharset() : getCharset();
        String line = new String(super.encode(event), charset);
        return SecretMask.mask(line).getBytes(charset);
    }
}
