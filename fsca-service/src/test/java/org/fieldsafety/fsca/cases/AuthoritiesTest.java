package org.fieldsafety.fsca.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authorities an FSCA concerns: where the affected devices are (MDR Art. 87(1)(b), 89(8)). */
class AuthoritiesTest {

    @ParameterizedTest(name = "markets [{0}], incidents in [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the product's markets with a regime; a country without one has no authority here
                "DE FR US JP | DE | DE (EU_MDR), FR (EU_MDR), US FDA (US_FDA)",
                "GB CA AU    | GB | AU TGA (AU_TGA), CA Health Canada (CA_HC), GB MHRA (UK_MHRA)",
                // an incident where the product is not registered for the market still concerns its authority
                "DE          | AT | AT (EU_MDR), DE (EU_MDR)",
                // a product the registry does not know: taken to be on the US market too
                "-           | DE | DE (EU_MDR), US FDA (US_FDA)",
            })
    void theAuthoritiesConcernedAreThoseOfEveryCountryWhereTheDevicesAre(
            String markets, String incidentCountry, String concerned) {
        RegisteredProduct product =
                markets.equals("-") ? null : new RegisteredProduct("Pump X", null, Arrays.asList(markets.split(" ")));
        assertEquals(
                concerned,
                String.join(
                        ", ",
                        Authorities.concerned(product, List.of(incidentCountry)).stream()
                                .map(Authorities.Authority::label)
                                .toList()));
    }

    @ParameterizedTest
    @CsvSource({"DE, true", "CH, true", "GB, false", "US, false"})
    void theDraftNoticeGoesToTheMdrAuthorities(String country, boolean mdr) {
        assertEquals(mdr, Authorities.of(country).orElseThrow().mdr());
    }

    @org.junit.jupiter.api.Test
    void devicesAreOnTheProductsMarketsOrOnEveryMarketForAnUnknownProduct() {
        assertTrue(Authorities.marketedIn(null, "US"));
        assertTrue(Authorities.marketedIn(new RegisteredProduct("X", null, List.of("US")), "US"));
        assertFalse(Authorities.marketedIn(new RegisteredProduct("X", null, List.of("DE")), "US"));
        assertFalse(Authorities.marketedIn(new RegisteredProduct("X", null, List.of("DE")), "CA"));
        assertTrue(Authorities.of("ZZ").isEmpty());
        assertTrue(Authorities.of(null).isEmpty());
    }
}
