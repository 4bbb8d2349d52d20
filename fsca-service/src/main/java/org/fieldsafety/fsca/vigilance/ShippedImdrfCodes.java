package org.fieldsafety.fsca.vigilance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.fieldsafety.platform.domain.InvalidInput;

/**
 * The IMDRF Adverse Event Terminology releases the project ships (the contracts module's {@code imdrf/},
 * which triage-service loads too): validates the codes regulatory affairs adds to a report against the
 * newest shipped release of their annex, and answers each with its term and release, as the report keeps
 * them. A code that is not in it, or not of the annex asked for, is refused with 400 naming it.
 */
public final class ShippedImdrfCodes {

    private static final String ROOT = "imdrf/";

    /** Per annex letter, the newest shipped release's terms by code. */
    private final Map<Character, Map<String, CodedTerm>> annexes;

    private ShippedImdrfCodes(Map<Character, Map<String, CodedTerm>> annexes) {
        this.annexes = annexes;
    }

    /** The releases on the class path, read once. */
    public static ShippedImdrfCodes load() {
        Map<Character, Map<String, CodedTerm>> annexes = new HashMap<>();
        List<String> releases = text(ROOT + "releases")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .sorted()
                .toList();
        for (String release : releases) {
            for (char annex = 'A'; annex <= 'G'; annex++) {
                String file = ROOT + release + "/annex-" + Character.toLowerCase(annex) + ".csv";
                if (ShippedImdrfCodes.class.getClassLoader().getResource(file) != null) {
                    annexes.put(annex, terms(release, text(file)));
                }
            }
        }
        return new ShippedImdrfCodes(annexes);
    }

    /**
     * {@code codes} of Annex {@code annex} (A to G) as the newest shipped release defines them, in the order
     * given; 400 {@code unknown-imdrf-code} naming every code that is not in it.
     */
    public List<CodedTerm> require(char annex, Collection<String> codes) {
        Map<String, CodedTerm> known = annexes.getOrDefault(annex, Map.of());
        TreeSet<String> unknown = new TreeSet<>();
        List<CodedTerm> terms = new ArrayList<>();
        for (String code : codes) {
            String asked = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            CodedTerm term = known.get(asked);
            if (term == null) {
                unknown.add(asked.isEmpty() ? "(empty)" : asked);
            } else if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput(
                    "unknown-imdrf-code",
                    "Not in the loaded IMDRF release of Annex " + annex + ": " + String.join(", ", unknown));
        }
        return List.copyOf(terms);
    }

    /** {@code Code,Term} rows, a term with a comma in double quotes. */
    static Map<String, CodedTerm> terms(String release, String csv) {
        Map<String, CodedTerm> terms = new HashMap<>();
        csv.lines().skip(1).filter(line -> line.contains(",")).forEach(line -> {
            int comma = line.indexOf(',');
            String code = line.substring(0, comma).strip();
            String term = line.substring(comma + 1).strip();
            if (term.length() >= 2 && term.startsWith("\"") && term.endsWith("\"")) {
                term = term.substring(1, term.length() - 1).replace("\"\"", "\"");
            }
            terms.putIfAbsent(code, new CodedTerm(code, term, release));
        });
        return terms;
    }

    private static InputStream resource(String name) {
        return ShippedImdrfCodes.class.getClassLoader().getResourceAsStream(name);
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
