package org.fieldsafety.triage.classification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * A product's registry entry: its software items with their IEC 62304 safety classes and its ISO 14971
 * hazard catalogue. Versioned data: every change is a new version of the product.
 */
public record ProductEntry(
        @NotBlank String name,
        String udiDi,
        String euRiskClass,
        @NotNull List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> markets,
        @NotNull List<@Valid @NotNull SoftwareItem> softwareItems,
        @NotNull List<@Valid @NotNull Hazard> hazards) {

    /** A software item and its IEC 62304 4.3 safety class. */
    public record SoftwareItem(
            @NotBlank String id,
            @NotNull @Pattern(regexp = "[ABC]", message = "must be A, B or C") String safetyClass) {}

    /**
     * One hazard catalogue entry (ISO 14971 risk analysis) for a fault code, optionally of one software
     * item; {@code probability} may be null when it cannot be estimated; {@code publicHealthThreat} marks a
     * hazard whose occurrence is a serious public health threat (MDR Art. 2(66), Art. 87(4)).
     */
    public record Hazard(
            @NotBlank String faultCode,
            String softwareItem,
            @NotBlank String hazard,
            String hazardousSituation,
            String harm,
            @NotNull @Min(1) @Max(5) Integer severity,
            @Min(1) @Max(5) Integer probability,
            boolean publicHealthThreat) {}

    /** The item's safety class; an item not in the registry is unclassified, hence class C. */
    public SafetyClass safetyClassOf(String softwareItem) {
        return softwareItems.stream()
                .filter(item -> item.id().equals(softwareItem))
                .findFirst()
                .map(item -> SafetyClass.of(item.safetyClass()))
                .orElse(SafetyClass.C);
    }

    /** The hazard of a fault in an item: an entry for (faultCode, softwareItem) first, else one for the fault code. */
    public Optional<Hazard> hazardOf(String faultCode, String softwareItem) {
        if (faultCode == null) {
            return Optional.empty();
        }
        return hazards.stream()
                .filter(h -> h.faultCode().equals(faultCode) && h.softwareItem() != null)
                .filter(h -> h.softwareItem().equals(softwareItem))
                .findFirst()
                .or(() -> hazards.stream()
                        .filter(h -> h.faultCode().equals(faultCode))
                        .findFirst());
    }
}
