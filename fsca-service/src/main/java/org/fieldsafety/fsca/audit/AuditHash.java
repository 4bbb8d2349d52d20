package org.fieldsafety.fsca.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper evidence of the audit trail (21 CFR 11.10(e)): SHA-256 over a stored event exactly as
 * stored (id, case, sequence, type, revision, timestamp, payload and metadata bytes, the metadata
 * holding who) and the previous event's hash, so a change to any event breaks every later link. Each
 * part is length-prefixed, so no two different events hash the same input.
 */
final class AuditHash {

    private AuditHash() {}

    static String of(StoredEvent event, String previousHash) {
        MessageDigest digest = sha256();
        part(digest, text(event.eventId()));
        part(digest, text(event.caseId()));
        part(digest, text(Long.toString(event.sequence())));
        part(digest, text(event.payloadType()));
        part(digest, text(event.payloadRevision()));
        part(digest, text(event.timestamp()));
        part(digest, event.payload());
        part(digest, event.metaData());
        part(digest, text(previousHash));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** A null part hashes as length -1, distinct from an empty one. */
    private static void part(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(bytes == null ? -1 : bytes.length)
                .array());
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
