package org.fieldsafety.platform;

/**
 * A rejected request with a stable problem code, turned into an RFC 9457 response by
 * {@link ProblemMapper}. Domain rules throw it with the status that names the kind of rejection.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;

    public ProblemException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    /** 404: the addressed resource does not exist. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", what + " does not exist");
    }

    /** 409: the request breaks a rule; the detail names it (e.g. "IEC 62304 8.2.1: ..."). */
    public static ProblemException ruleViolated(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    /** 400: the request is malformed in a way Bean Validation does not catch. */
    public static ProblemException invalid(String code, String detail) {
        return new ProblemException(400, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
