package org.fieldsafety.triage.classification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.SoftwareVersion;

/**
 * A product's registry entry: its software items with their IEC 62304 safety classes (per range of
 * software versions where a change re-classified an item, 8.2.2), its ISO 14971 hazard catalogue with the
 * rates the PMS plan foresees (MDR Art. 88, Annex III), and the devices in use per software version over
 * time. Versioned data: every change is a new version of the product.
 */
public record ProductEntry(
        @NotBlank String name,
        String udiDi,
        String euRiskClass,
        @NotNull List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> markets,
        @NotNull List<@Valid @NotNull SoftwareItem> softwareItems,
        @NotNull List<@Valid @NotNull Hazard> hazards,
        List<@Valid @NotNull DevicesInUse> devicesInUse) {

    public ProductEntry {
        devicesInUse = devicesInUse == null ? List.of() : devicesInUse;
    }

    /**
     * A software item and its IEC 62304 4.3 safety class: {@code safetyClass} for the versions no range of
     * {@code versionClasses} covers (re-classification by a change, 8.2.2, gives a range its own class).
     */
    public record SoftwareItem(
            @NotBlank String id,
            @NotNull @Pattern(regexp = "[ABC]", message = "must be A, B or C") String safetyClass,
            List<@Valid @NotNull VersionClass> versionClasses) {

        public SoftwareItem {
            versionClasses = versionClasses == null ? List.of() : versionClasses;
        }

        boolean hasOverlappingRanges() {
            for (int i = 0; i < versionClasses.size(); i++) {
                for (int j = i + 1; j < versionClasses.size(); j++) {
                    if (versionClasses.get(i).overlaps(versionClasses.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The class valid for {@code version}; for an unknown (null) version the worst class the item has had. */
        SafetyClass classOf(String version) {
            if (version == null) {
                return SafetyClass.worst(Stream.concat(
                                Stream.of(safetyClass), versionClasses.stream().map(VersionClass::safetyClass))
                        .map(SafetyClass::of)
                        .toList());
            }
            return versionClasses.stream()
                    .filter(range -> range.contains(version))
                    .findFirst()
                    .map(range -> SafetyClass.of(range.safetyClass()))
                    .orElse(SafetyClass.of(safetyClass));
        }
    }

    /**
     * The safety class of a range of versions, from {@code fromVersion} (inclusive; null: from the first) to
     * {@code toVersion} (exclusive; null: every later one), versions ordered part by part as {@link
     * SoftwareVersion} orders them.
     */
    public record VersionClass(
            String fromVersion,
            String toVersion,
            @NotNull @Pattern(regexp = "[ABC]", message = "must be A, B or C") String safetyClass) {

        boolean contains(String version) {
            return (fromVersion == null || SoftwareVersion.compare(version, fromVersion) >= 0)
                    && (toVersion == null || SoftwareVersion.compare(version, toVersion) < 0);
        }

        boolean overlaps(VersionClass other) {
            return before(fromVersion, other.toVersion) && before(other.fromVersion, toVersion);
        }

        /** Whether a range starting at {@code from} starts before one ending at {@code to}. */
        private static boolean before(String from, String to) {
            return from == null || to == null || SoftwareVersion.compare(from, to) < 0;
        }
    }

    /**
     * One hazard catalogue entry (ISO 14971 risk analysis) for a fault code, optionally of one software
     * item; {@code probability} may be null when it cannot be estimated; {@code publicHealthThreat} marks a
     * hazard whose occurrence is a serious public health threat (MDR Art. 2(66), Art. 87(4)); {@code
     * foreseen} the rate of its reports the PMS plan foresees, absent when it foresees none; {@code imdrf} the
     * IMDRF codes of its fault and harm, absent when not coded.
     */
    public record Hazard(
            @NotBlank String faultCode,
            String softwareItem,
            @NotBlank String hazard,
            String hazardousSituation,
            String harm,
            @NotNull @Min(1) @Max(5) Integer severity,
            @Min(1) @Max(5) Integer probability,
            boolean publicHealthThreat,
            @Valid Foreseen foreseen,
            @Valid ImdrfCoding imdrf) {

        /** The IMDRF terms of this hazard's codes, empty when not coded. */
        public List<ImdrfTerm> imdrfTerms() {
            return imdrf == null ? List.of() : imdrf.terms();
        }

        Hazard withImdrfTerms(List<ImdrfTerm> known) {
            return imdrf == null
                    ? this
                    : new Hazard(
                            faultCode,
                            softwareItem,
                            hazard,
                            hazardousSituation,
                            harm,
                            severity,
                            probability,
                            publicHealthThreat,
                            foreseen,
                            imdrf.withTerms(known));
        }
    }

    /**
     * The IMDRF Adverse Event Terminology codes of a hazard (the vigilance reports carry them): the
     * device problem its fault is (Annex A), and the clinical sign (Annex E) and health impact (Annex F) of
     * its harm, each optional. {@code terms}: these codes with their terms as the release current when the
     * entry was registered defines them, filled in by the registry (whatever a client sends there is
     * replaced), so a report keeps the release it was coded with when a new one is loaded.
     */
    public record ImdrfCoding(
            @Pattern(regexp = "A[0-9]{2,10}", message = "must be an IMDRF Annex A code") String annexA,
            @Pattern(regexp = "E[0-9]{2,10}", message = "must be an IMDRF Annex E code") String annexE,
            @Pattern(regexp = "F[0-9]{2,10}", message = "must be an IMDRF Annex F code") String annexF,
            List<ImdrfTerm> terms) {

        public ImdrfCoding {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }

        /** The codes given, Annex A first. */
        public List<String> codes() {
            return Stream.of(annexA, annexE, annexF).filter(Objects::nonNull).toList();
        }

        ImdrfCoding withTerms(List<ImdrfTerm> known) {
            List<String> codes = codes();
            return new ImdrfCoding(
                    annexA,
                    annexE,
                    annexF,
                    known.stream().filter(term -> codes.contains(term.code())).toList());
        }
    }

    /**
     * What the PMS plan and the technical documentation foresee of a hazard's reports (MDR Art. 88 and Annex
     * III): a rate per 1,000 devices in use per month for each severity it foresees, and where that is
     * stated.
     */
    public record Foreseen(@NotBlank String source, @NotEmpty List<@Valid @NotNull ForeseenRate> rates) {

        /** All severities together, per 1,000 devices in use per month. */
        public double perThousandDevicesPerMonth() {
            return rates.stream()
                    .mapToDouble(ForeseenRate::perThousandDevicesPerMonth)
                    .sum();
        }

        /** The rate of reports of at least {@code severity}, per 1,000 devices in use per month. */
        public double perThousandDevicesPerMonthAtLeast(int severity) {
            return rates.stream()
                    .filter(rate -> rate.severity() >= severity)
                    .mapToDouble(ForeseenRate::perThousandDevicesPerMonth)
                    .sum();
        }
    }

    /** Reports of one severity foreseen per 1,000 devices in use per month. */
    public record ForeseenRate(
            @Min(1) @Max(5) int severity, @NotNull @PositiveOrZero Double perThousandDevicesPerMonth) {}

    /** From {@code since} on, {@code devices} devices run {@code softwareVersion}, until the version's next count. */
    public record DevicesInUse(
            @NotBlank String softwareVersion, @NotNull Instant since, @NotNull @PositiveOrZero Long devices) {}

    /**
     * The class of the item valid for the report's version (IEC 62304 4.3, 8.2.2). An item the registry does
     * not list is unclassified, hence class C; a report without a version takes the worst class the item has
     * had.
     */
    public SafetyClass safetyClassOf(String softwareItem, String softwareVersion) {
        return softwareItems.stream()
                .filter(item -> item.id().equals(softwareItem))
                .findFirst()
                .map(item -> item.classOf(softwareVersion))
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

    /** Every IMDRF code the hazard catalogue gives, each once. */
    public List<String> imdrfCodes() {
        return hazards.stream()
                .filter(h -> h.imdrf() != null)
                .flatMap(h -> h.imdrf().codes().stream())
                .distinct()
                .toList();
    }

    /** This entry with each hazard's IMDRF codes given their terms from {@code known}. */
    public ProductEntry withImdrfTerms(List<ImdrfTerm> known) {
        return new ProductEntry(
                name,
                udiDi,
                euRiskClass,
                markets,
                softwareItems,
                hazards.stream().map(h -> h.withImdrfTerms(known)).toList(),
                devicesInUse);
    }

    /**
     * IEC 62304 8.2.2: a version has one class, so the version ranges of an item must not overlap.
     *
     * @throws InvalidInput naming every item whose ranges overlap
     */
    public void requireDisjointVersionRanges() {
        List<String> overlapping = softwareItems.stream()
                .filter(SoftwareItem::hasOverlappingRanges)
                .map(SoftwareItem::id)
                .toList();
        if (!overlapping.isEmpty()) {
            throw new InvalidInput(
                    "overlapping-version-ranges",
                    "IEC 62304 8.2.2",
                    "a software version has one safety class, but the version ranges of "
                            + String.join(", ", overlapping) + " overlap");
        }
    }
}
