package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.fieldsafety.platform.signature.SignatureRequest;

/** The change board's signed approval (IEC 62304 6.2.4). */
public record ApprovalRequest(@NotNull @Valid SignatureRequest signature) {}
