package org.fieldsafety.changecontrol.change.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.platform.signature.Signature;

/** The status a workflow step moved the change request to, and the signature of a signed step. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepResponse(String id, ChangeRequestStatus status, Signature signature) {}
