package org.fieldsafety.triage.imdrf;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One annex as loaded from one IMDRF release: where its file came from, when IMDRF published it, how many
 * terms it holds, and who loaded it when ({@code bundled} for the release the project ships).
 */
public record ImdrfAnnexRelease(
        ImdrfAnnex annex,
        String release,
        LocalDate published,
        String source,
        int terms,
        Instant loadedAt,
        String loadedBy) {}
