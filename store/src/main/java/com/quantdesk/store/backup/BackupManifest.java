package com.quantdesk.store.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a backup holds, stored in clear at the head of the file and authenticated with the payload
 * (it is the AES-GCM additional data, so changing a byte of it makes the backup unreadable).
 *
 * @param created       when the backup was taken
 * @param dialect       {@code sqlite} or {@code postgresql}: what the payload is (a database file, or a
 *                      {@code pg_dump} archive in custom format)
 * @param events        events in the backed-up journal
 * @param lastSequence  the journal's last sequence (0 when empty): the backup's recovery point
 * @param chainHead     the hash of that last event (the chain's head)
 * @param journalKeyId  fingerprint of the journal key that chains the events
 * @param payloadBytes  size of the payload before encryption
 * @param payloadSha256 SHA-256 of the payload before encryption, hex
 * @param backupKeyId   fingerprint of the key the backup is sealed with
 */
public record BackupManifest(Instant created, String dialect, long events, long lastSequence, String chainHead,
                             String journalKeyId, long payloadBytes, String payloadSha256, String backupKeyId) {

    /** The format this code writes and reads. */
    public static final String FORMAT = "quantdesk-backup/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of JSON. */
    String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("created", created.toString());
        n.put("dialect", dialect);
        n.put("events", events);
        n.put("last_sequence", lastSequence);
        n.put("chain_head", chainHead);
        n.put("journal_key_id", journalKeyId);
        n.put("payload_bytes", payloadBytes);
        n.put("payload_sha256", payloadSha256);
        n.put("backup_key_id", backupKeyId);
        return n.toString();
    }

    /** Reads a manifest line; a missing or malformed field is named. */
    static BackupManifest parse(String line, String file) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BackupException(file + ": the manifest is not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !FORMAT.equals(n.path("format").asText())) {
            throw new BackupException(file + ": not a " + FORMAT + " backup (format " + (n == null ? "missing"
                    : n.path("format").asText("missing")) + ")");
        }
        try {
            return new BackupManifest(Instant.parse(text(n, "created", file)), text(n, "dialect", file),
                    number(n, "events", file), number(n, "last_sequence", file), text(n, "chain_head", file),
                    text(n, "journal_key_id", file), number(n, "payload_bytes", file),
                    text(n, "payload_sha256", file), text(n, "backup_key_id", file));
        } catch (DateTimeParseException e) {
            throw new BackupException(file + ": the manifest's created is not an instant");
        }
    }

    private static String text(JsonNode n, String field, String file) {
        if (!n.path(field).isTextual()) {
            throw new BackupException(file + ": the manifest has no " + field);
        }
        return n.get(field).asText();
    }

    private static long number(JsonNode n, String field, String file) {
        if (!n.path(field).canConvertToLong()) {
            throw new BackupException(file + ": the manifest has no " + field);
        }
        return n.get(field).asLong();
    }
}
