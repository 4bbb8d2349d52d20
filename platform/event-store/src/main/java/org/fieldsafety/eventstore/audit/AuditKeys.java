package org.fieldsafety.eventstore.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the audit chain's links (21 CFR 11.10(e)), kept outside the database: the current key makes
 * new links, and the keys it replaced still verify the links made with them, so a key is rotated without
 * touching a stored link. Each link names its key by id: a fingerprint (an HMAC of a fixed text under the
 * key) that tells the keys apart and gives nothing of them away.
 */
public final class AuditKeys {

    static final String ALGORITHM = "HmacSHA256";

    /** The shortest key taken, in characters: a key guessed is a chain forged. */
    static final int MINIMUM_LENGTH = 32;

    private static final int ID_LENGTH = 16;
    private static final byte[] ID_TEXT = "fieldsafety audit chain key id".getBytes(StandardCharsets.UTF_8);

    /** One key: its id, as the links record it, and its secret. */
    public record Key(String id, byte[] secret) {}

    private final Key current;
    private final Map<String, Key> byId = new LinkedHashMap<>();

    private AuditKeys(String current, List<String> previous) {
        this.current = key(current);
        byId.put(this.current.id(), this.current);
        previous.stream().map(AuditKeys::key).forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    /**
     * @throws IllegalArgumentException when a key is shorter than {@value #MINIMUM_LENGTH} characters
     */
    public static AuditKeys of(String current, List<String> previous) {
        return new AuditKeys(current, previous);
    }

    public static AuditKeys from(AuditChainConfig config) {
        return of(config.key(), config.previousKeys().orElse(List.of()));
    }

    /** The key new links are made with. */
    public Key current() {
        return current;
    }

    /** The key a link names, when it is one of the configured keys. */
    public Optional<Key> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    private static Key key(String text) {
        if (text == null || text.strip().length() < MINIMUM_LENGTH) {
            throw new IllegalArgumentException(
                    "An audit chain key has at least " + MINIMUM_LENGTH + " characters (AUDIT_CHAIN_KEY)");
        }
        byte[] secret = text.strip().getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            String id = HexFormat.of().formatHex(mac.doFinal(ID_TEXT)).substring(0, ID_LENGTH);
            return new Key(id, secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
