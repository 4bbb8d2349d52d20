package org.fieldsafety.fsca.cases;

import java.util.List;

/**
 * What the product registry says of a case's product, as triage published it with the case's reports: its
 * name and UDI-DI (the Field Safety Notice names them, MDR Art. 89(8)) and its markets (ISO 3166-1 alpha-2),
 * where the affected devices are.
 */
public record RegisteredProduct(String name, String udiDi, List<String> markets) {

    public RegisteredProduct {
        markets = markets == null ? List.of() : List.copyOf(markets);
    }
}
