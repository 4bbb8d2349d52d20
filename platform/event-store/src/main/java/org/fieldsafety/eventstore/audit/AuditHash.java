package org.fieldsafety.eventstore.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tamper evidence of the audit trail (21 CFR 11.10(e)): an HMAC-SHA256, under a key kept outside the
 * database, over a stored event exactly as stored (id, aggregate, sequence, type, revision, timestamp,
 * payload and metadata bytes, the metadata holding who) and the previous link, so a change to any event
 * breaks every later link, and whoever can write the database but lacks the key cannot forge new links.
 * Each part is length-prefixed, so no two different events hash the same input. The unkeyed SHA-256 of the
 * same input is what the links were before keys; only the upgrade that keys them reads it.
 */
final class AuditHash {

    private AuditHash() {}

    static String keyed(StoredEvent event, String previousHash, AuditKeys.Key key) {
        try {
            Mac mac = Mac.getInstance(AuditKeys.ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), AuditKeys.ALGORITHM));
            parts(event, previousHash, mac::update);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    static String unkeyed(StoredEvent event, String previousHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            parts(event, previousHash, digest::update);
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void parts(StoredEvent event, String previousHash, Consumer<byte[]> input) {
        part(input, text(event.eventId()));
        part(input, text(event.aggregateId()));
        part(input, text(Long.toString(event.sequence())));
        part(input, text(event.payloadType()));
        part(input, text(event.payloadRevision()));
        part(input, text(event.timestamp()));
        part(input, event.payload());
        part(input, event.metaData());
        part(input, text(previousHash));
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** A null part hashes as length -1, distinct from an empty one. */
    private static void part(Consumer<byte[]> input, byte[] bytes) {
        input.accept(ByteBuffer.allocate(Integer.BYTES)
                .putInt(bytes == null ? -1 : bytes.length)
                .array());
        if (bytes != null) {
            input.accept(bytes);
        }
    }
}
