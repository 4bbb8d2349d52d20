package org.fieldsafety.fsca.vigilance.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldsafety.fsca.vigilance.CodedTerm;

/**
 * FDA's CDRH event problem and evaluation codes for IMDRF codes, from {@code vigilance/fda-codes.csv}
 * ({@code imdrf,fda,system,term}; the README beside it says where each row comes from). A code without a row is
 * sent as the IMDRF code itself.
 */
final class FdaCodes {

    static final String FILE = "vigilance/fda-codes.csv";

    /** One FDA code: its number, term and code system (device problem, patient problem, evaluation). */
    record FdaCode(String imdrf, String code, String term, String system) {}

    private final Map<String, FdaCode> byImdrf;

    FdaCodes(Map<String, FdaCode> byImdrf) {
        this.byImdrf = Map.copyOf(byImdrf);
    }

    /** The table shipped with the project. */
    static FdaCodes shipped() {
        try (InputStream in = FdaCodes.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the class path");
            }
            return new FdaCodes(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", 4))
                    .map(cells -> new FdaCode(cells[0].strip(), cells[1].strip(), cells[3].strip(), cells[2].strip()))
                    .collect(Collectors.toMap(FdaCode::imdrf, Function.identity())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The FDA code as a form value, or the IMDRF code of {@code annex} when FDA's table has none. */
    Form.Value value(CodedTerm code, String annex) {
        FdaCode fda = byImdrf.get(code.code());
        return fda == null
                ? new Form.Value(code.term(), code.code(), "IMDRF-AET-" + annex, code.release())
                : new Form.Value(fda.term(), fda.code(), fda.system(), null);
    }
}
