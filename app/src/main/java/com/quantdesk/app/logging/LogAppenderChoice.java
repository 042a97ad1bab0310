package com.quantdesk.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Reads the log format of one destination from the environment for {@code logback.xml}: {@code text}
 * or {@code json} ({@code QD_LOG_FORMAT}), or {@code off} for the file when {@code QD_LOG_DIR} is
 * unset. An unknown format falls back to text, so a typo cannot silence the log.
 */
public final class LogAppenderChoice extends PropertyDefinerBase {

    private String format = "text";
    private String directory = null;

    /** {@code text} or {@code json}. */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
    }

    /** The log directory, for the file's choice; blank when there is none. */
    public void setDirectory(String directory) {
        this.directory = directory == null ? "" : directory.trim();
    }

    @Override
    public String getPropertyValue() {
        if (directory != null && directory.isEmpty()) {
            return "off";
        }
        return "json".equals(format) ? "json" : "text";
    }
}
