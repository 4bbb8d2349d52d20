package org.fieldsafety.changecontrol.audit.api;

import java.util.List;
import org.fieldsafety.eventstore.audit.AuditTrail;

/** A record's audit trail as the API shows it, as fsca shows a case's. */
public record AuditResponse(String id, boolean verified, List<AuditTrail.AuditEntry> entries) {

    static AuditResponse of(String id, AuditTrail.Audit audit) {
        return new AuditResponse(id, audit.verified(), audit.entries());
    }
}
