package org.fieldsafety.fsca.cases;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The competent authorities an FSCA concerns: those of every country where affected devices are (MDR Art.
 * 87(1)(b), 89(8); MDCG 2023-3; UK MDR 2002 Part 4A; Medical Devices Regulations SOR/98-282 s.64; TGA
 * Uniform Recall Procedure). The devices are where the product is on the market, and where an incident
 * occurred; a product the registry does not know is taken to be on the US market as well (reads towards
 * reporting, as triage does). A market is a row of the table below, with the regime whose authority it
 * has; a country without a row has no authority to notify here.
 */
public final class Authorities {

    public static final String EU_MDR = "EU_MDR";

    /** Where the MDR applies (EU, EEA, Turkey) or its deadlines (Switzerland), as triage reads it. */
    private static final List<String> MDR_COUNTRIES = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "TR", "CH");

    private static final Map<String, Authority> TABLE = Stream.concat(
                    MDR_COUNTRIES.stream().map(country -> new Authority(country, EU_MDR, null)),
                    Stream.of(
                            new Authority("GB", "UK_MHRA", "MHRA"),
                            new Authority("US", CaseDuties.US_FDA, "FDA"),
                            new Authority("CA", "CA_HC", "Health Canada"),
                            new Authority("AU", "AU_TGA", "TGA")))
            .collect(Collectors.toUnmodifiableMap(Authority::country, a -> a));

    private Authorities() {}

    /** A country's competent authority under its regime; {@code name} null where the table names none. */
    public record Authority(String country, String regime, String name) {

        /** An authority of the MDR, to which the draft notice goes before issue (MDR Art. 89(8)). */
        public boolean mdr() {
            return EU_MDR.equals(regime);
        }

        /** "DE (EU_MDR)" or "US FDA (US_FDA)", as rule details name it. */
        public String label() {
            return (name == null ? country : country + " " + name) + " (" + regime + ")";
        }
    }

    /** The authority of {@code country}, if the table has one. */
    public static Optional<Authority> of(String country) {
        return Optional.ofNullable(country == null ? null : TABLE.get(country));
    }

    /** The authorities concerned, ordered by country: the product's markets and the incidents' countries. */
    public static List<Authority> concerned(RegisteredProduct product, Collection<String> incidentCountries) {
        TreeSet<String> countries =
                incidentCountries.stream().filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        if (product == null) {
            countries.add("US");
        } else {
            countries.addAll(product.markets());
        }
        return countries.stream()
                .map(TABLE::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Authority::country))
                .toList();
    }

    /**
     * Whether the devices are on {@code country}'s market: a registered product with it among its markets, or
     * a product not registered (taken to be on every market: reads towards reporting, as triage does).
     */
    public static boolean marketedIn(RegisteredProduct product, String country) {
        return product == null || product.markets().contains(country);
    }
}
