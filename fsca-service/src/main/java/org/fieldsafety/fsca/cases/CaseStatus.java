package org.fieldsafety.fsca.cases;

import java.util.Map;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;

/** Where a case stands in its workflow; the order is the order of the steps (a case only moves forward). */
public enum CaseStatus {
    OPEN,
    DECIDED,
    AUTHORITY_NOTIFIED,
    FSN_ISSUED,
    EFFECTIVENESS_VERIFIED,
    CLOSED;

    /** The steps that move a case; its incidents, signals, assessment, acknowledgements and failed deliveries do not. */
    private static final Map<Class<? extends FscaCaseEvent>, CaseStatus> REACHED = Map.of(
            FscaCaseOpened.class, OPEN,
            FscaDecided.class, DECIDED,
            AuthorityNotified.class, AUTHORITY_NOTIFIED,
            FieldSafetyNoticeIssued.class, FSN_ISSUED,
            FscaCaseClosed.class, CLOSED);

    /**
     * The status of a case that was {@code before} (null before it opened) once {@code event} happened: the
     * workflow's one state function, which the aggregate and its view follow. A case never moves back: an
     * urgent case may notify the authority after its FSN went out (MDR Art. 87(8)); only a passed
     * effectiveness check verifies it (ISO 13485 8.5.2).
     */
    public static CaseStatus after(CaseStatus before, FscaCaseEvent event) {
        CaseStatus reached = event instanceof EffectivenessChecked checked
                ? checked.outcome() == EffectivenessOutcome.PASSED ? EFFECTIVENESS_VERIFIED : null
                : REACHED.get(event.getClass());
        return reached != null && (before == null || reached.compareTo(before) > 0) ? reached : before;
    }
}
