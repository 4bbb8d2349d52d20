package org.fieldsafety.changecontrol.change.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldsafety.changecontrol.change.ChangeRequestService;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.InvalidInput;

/**
 * The traceability matrix (IEC 62304 8.2.4): one row per change request, from its problem to its
 * approval, verification and release, as JSON or CSV for the design history file.
 */
@Path("/api/v1/traceability")
public class TraceabilityResource {

    static final String CSV = "text/csv";

    private final ChangeRequestService changes;

    TraceabilityResource(ChangeRequestService changes) {
        this.changes = changes;
    }

    /** One change request's row of the matrix. */
    public record Row(
            String changeRequestId,
            String title,
            ChangeRequestStatus status,
            String productId,
            String problemReportId,
            String problemId,
            String fscaCaseId,
            String approvedBy,
            Instant approvedAt,
            Long signedVersion,
            int verificationRecords,
            Instant verifiedAt,
            String releaseVersion,
            Instant releasedAt) {

        static final String HEADER = "changeRequestId,title,status,productId,problemReportId,problemId,fscaCaseId,"
                + "approvedBy,approvedAt,signedVersion,verificationRecords,verifiedAt,releaseVersion,releasedAt";

        static Row of(ChangeRequestView view) {
            ChangeRequestView.Details d = view.details;
            return new Row(
                    view.id,
                    view.title,
                    view.status,
                    view.productId,
                    view.problemReportId,
                    view.problemId,
                    view.fscaCaseId,
                    d.approval() == null ? null : d.approval().signature().signer(),
                    d.approval() == null ? null : d.approval().signature().signedAt(),
                    d.approval() == null ? null : d.approval().signedVersion(),
                    d.verification() == null ? 0 : d.verification().records().size(),
                    d.verification() == null ? null : d.verification().recordedAt(),
                    d.release() == null ? null : d.release().version(),
                    d.release() == null ? null : d.release().releasedAt());
        }

        String csv() {
            return Stream.of(
                            changeRequestId,
                            title,
                            status,
                            productId,
                            problemReportId,
                            problemId,
                            fscaCaseId,
                            approvedBy,
                            approvedAt,
                            signedVersion,
                            verificationRecords,
                            verifiedAt,
                            releaseVersion,
                            releasedAt)
                    .map(value -> value == null ? "" : quote(neutralised(value.toString())))
                    .collect(Collectors.joining(","));
        }

        /**
         * A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return:
         * a title such as {@code =HYPERLINK(...)}) starts with an apostrophe instead, so it shows as text.
         */
        static String neutralised(String value) {
            return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        }

        /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
        private static String quote(String value) {
            return value.matches("(?s).*[\",\\r\\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }

    /** The matrix, the oldest change request first; {@code format} is {@code json} (default) or {@code csv}. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({
        Roles.ENGINEERING,
        Roles.QUALITY_ASSURANCE,
        Roles.CCB_MEMBER,
        Roles.REGULATORY_AFFAIRS,
        Roles.AUDITOR,
        Roles.ADMIN
    })
    public Uni<Response> matrix(@QueryParam("format") @DefaultValue("json") String format) {
        if (!"json".equals(format) && !"csv".equals(format)) {
            throw new InvalidInput("unknown-format", "format is json or csv");
        }
        return changes.all()
                .map(views -> views.stream().map(Row::of).toList())
                .map(rows -> "csv".equals(format)
                        ? Response.ok(csv(rows), CSV).build()
                        : Response.ok(rows, MediaType.APPLICATION_JSON).build());
    }

    private static String csv(List<Row> rows) {
        return Stream.concat(Stream.of(Row.HEADER), rows.stream().map(Row::csv))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}
