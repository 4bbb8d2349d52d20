package org.fieldsafety.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestKafka;
import org.fieldsafety.local.Service;

/**
 * Scenario 6: the console's pages with {@value #CASES} open cases in fsca's store. The cases come the real
 * way: one serious incident per problem, published on fieldsafety.triage.v1 as triage publishes it, into a
 * running fsca-service, whose draft generator proposes each incident's EU MDR and FDA reports; the
 * measurement starts once the read models hold every case and report. A user of regulatory affairs signs
 * in through the console's authorization code flow at Keycloak, as a browser does over plain HTTP, and
 * each page kind is loaded in turn, one request at a time: the time from sending the request until the
 * whole page arrived, over a keep-alive connection on the same machine.
 */
final class ConsolePages {

    static final int CASES = 10_000;
    private static final int SMOKE_CASES = 200;
    private static final int LOADS = 50;
    private static final int WARM_UP = 10;
    /** A page kind stops after this much load time even before {@link #LOADS} loads: a slow page's few loads say enough. */
    private static final Duration BUDGET = Duration.ofSeconds(60);

    private static final Duration STORE_BOUND = Duration.ofMinutes(30);
    private static final List<String> PRODUCTS = BenchSystem.products("BENCH-PUMP", 20);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private ConsolePages() {}

    static List<Results.Run> run(Bench.Options options) throws Exception {
        int cases = options.smoke() ? SMOKE_CASES : CASES;
        int loads = options.smoke() ? 5 : LOADS;
        List<Results.Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            try (BenchSystem bench = BenchSystem.start(EnumSet.of(Service.FSCA))) {
                Map<String, Double> figures = new LinkedHashMap<>();
                List<String> notes = new ArrayList<>();
                long filling = System.nanoTime();
                publish(bench, cases);
                Store store = awaitStore(bench, cases);
                figures.put("cases in the store", (double) store.cases());
                figures.put("vigilance reports in the store", (double) store.reports());
                figures.put("from publishing until the store held them, s", (System.nanoTime() - filling) / 1e9);
                Console console = Console.signIn(bench.system.baseUrl(Service.FSCA), "ra", "ra-local");
                Map<String, List<String>> pages = pages(store);
                for (Map.Entry<String, List<String>> page : pages.entrySet()) {
                    measure(console, page.getKey(), page.getValue(), loads, figures, notes);
                }
                runs.add(Bench.done(run, new Results.Run(figures, notes)));
            }
        }
        return runs;
    }

    /**
     * The page kinds and the addresses each load cycles through: the cases and reports are spread over the
     * store (every 200th), so no load finds a page another just read in PostgreSQL's cache alone.
     */
    private static Map<String, List<String>> pages(Store store) {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("queue", List.of("/console"));
        pages.put("queue, page 100", List.of("/console?page=100"));
        pages.put("queue of one product", List.of("/console?product=" + PRODUCTS.get(7)));
        pages.put("queue version (its poll)", List.of("/console/version"));
        pages.put(
                "case",
                store.caseIds().stream().map(id -> "/console/cases/" + id).toList());
        pages.put(
                "case version (its poll)",
                store.caseIds().stream()
                        .map(id -> "/console/cases/" + id + "/version")
                        .toList());
        pages.put(
                "case notice",
                store.caseIds().stream()
                        .map(id -> "/console/cases/" + id + "/notice")
                        .toList());
        pages.put("vigilance reports", List.of("/console/vigilance-reports"));
        pages.put(
                "vigilance report",
                store.reportIds().stream()
                        .map(id -> "/console/vigilance-reports/" + id)
                        .toList());
        return pages;
    }

    private static void measure(
            Console console,
            String kind,
            List<String> paths,
            int loads,
            Map<String, Double> figures,
            List<String> notes)
            throws Exception {
        for (int i = 0; i < Math.min(WARM_UP, loads); i++) {
            console.load(paths.get(i % paths.size()));
        }
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        long started = System.nanoTime();
        while (millis.size() < loads && System.nanoTime() - started < BUDGET.toNanos()) {
            long start = System.nanoTime();
            bytes += console.load(paths.get(millis.size() % paths.size()));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        figures.put(kind + " median, ms", Report.median(millis));
        figures.put(kind + " p95, ms", millis.get((int) Math.ceil(0.95 * millis.size()) - 1));
        figures.put(kind + " max, ms", millis.get(millis.size() - 1));
        notes.add(String.format("%s: %d loads of %,d bytes on average", kind, millis.size(), bytes / millis.size()));
        Bench.log(String.format("%s: median %.1f ms over %d loads", kind, Report.median(millis), millis.size()));
    }

    /**
     * One serious incident of its own problem per case, on {@link #PRODUCTS} in turn, became aware of over the
     * last 20 days with an EU MDR clock of 2, 10 or 15 days, so that some clocks are missed, some due soon and
     * most running, as in a real queue.
     */
    private static void publish(BenchSystem bench, int cases) {
        Instant now = Instant.now();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Instant aware = now.minus(Duration.ofDays(i % 20)).minus(Duration.ofMinutes(i));
            Duration euMdr = Duration.ofDays(List.of(2, 10, 15).get(i % 3));
            ReportTriaged triaged = seriousIncident(
                    String.format("bench-report-%05d", i),
                    PRODUCTS.get(i % PRODUCTS.size()),
                    String.format("bench-problem-%05d", i),
                    aware,
                    euMdr);
            batch.add(TestKafka.cloudEvent(
                    Topics.TRIAGE,
                    triaged.problemId(),
                    "triaged-" + triaged.reportId(),
                    ReportTriaged.TYPE,
                    json(triaged)));
            if (batch.size() == 1_000 || i == cases - 1) {
                TestKafka.publishInOneBatch(bench.system.kafkaBootstrapServers(), batch);
                batch.clear();
            }
        }
        Bench.log("published " + cases + " serious incidents");
    }

    private static ReportTriaged seriousIncident(
            String reportId, String productId, String problemId, Instant aware, Duration euMdr) {
        return new ReportTriaged(
                reportId,
                productId,
                problemId,
                "dose-calculator",
                "4.2.1",
                "E-DOSE-CALC-OVERFLOW",
                "DE",
                PatientOutcome.SERIOUS_INJURY,
                "C",
                "Over-infusion",
                5,
                3,
                "UNACCEPTABLE",
                true,
                true,
                aware,
                aware.plusSeconds(1),
                1,
                List.of(
                        new ReportTriaged.Reportability("EU_MDR", "Art. 87(3)", aware.plus(euMdr)),
                        new ReportTriaged.Reportability("US_FDA", "21 CFR 803.50", aware.plus(Duration.ofDays(30)))),
                aware,
                null,
                reportId,
                List.of(),
                new ReportTriaged.Seriousness("OBSERVED", "Observed: a serious injury the risk analysis anticipated"),
                new ReportTriaged.Product("Insulin Pump X", "04012345000019", List.of("DE", "FR", "US")),
                List.of(
                        new ReportTriaged.ImdrfTerm(
                                "A110202", "Application Program Problem: Dose Calculation Error", "2022"),
                        new ReportTriaged.ImdrfTerm("F1005", "Overdose", "2022")));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the read models hold, with every 200th case and report to load. */
    private record Store(long cases, long reports, List<String> caseIds, List<String> reportIds) {}

    /** Waits until fsca's read models hold every case and both draft reports of each. */
    private static Store awaitStore(BenchSystem bench, int cases) throws Exception {
        long start = System.nanoTime();
        try (Connection fsca = DriverManager.getConnection(
                bench.system.jdbcUrl(Service.FSCA.database()), PostgresServer.USER, PostgresServer.PASSWORD)) {
            long caseCount = 0;
            long reportCount = 0;
            while (caseCount < cases || reportCount < 2L * cases) {
                if (System.nanoTime() - start > STORE_BOUND.toNanos()) {
                    throw new IllegalStateException("After " + STORE_BOUND.toMinutes() + " min the store held "
                            + caseCount + " cases and " + reportCount + " reports");
                }
                Thread.sleep(1_000);
                caseCount = count(fsca, "select count(*) from fsca_case_view");
                reportCount = count(fsca, "select count(*) from vigilance_report_view");
            }
            Bench.log("the store holds " + caseCount + " cases and " + reportCount + " reports");
            return new Store(
                    caseCount,
                    reportCount,
                    ids(fsca, "select case_id from fsca_case_view order by case_id"),
                    ids(fsca, "select report_id from vigilance_report_view order by report_id"));
        }
    }

    private static long count(Connection db, String query) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> ids(Connection db, String query) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            for (int row = 0; rows.next(); row++) {
                if (row % 200 == 0) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * A browser's session in the console: it signs in as {@code ConsoleSession} of fsca's tests does (the
     * console sends it to Keycloak's sign-in form, Keycloak returns it with a code, the console sets its
     * session cookie), sending every cookie it got, since Java's cookie manager withholds {@code Secure} ones
     * over plain HTTP where browsers treat localhost as secure.
     */
    private record Console(HttpClient http, String baseUrl, Map<String, String> cookies) {

        static Console signIn(String baseUrl, String user, String password) throws Exception {
            Console console = new Console(
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build(),
                    baseUrl,
                    new LinkedHashMap<>());
            HttpResponse<String> toSignIn = console.send(HttpRequest.newBuilder(URI.create(baseUrl + "/console")));
            HttpResponse<String> signInPage = console.send(HttpRequest.newBuilder(location(toSignIn)));
            Matcher form = LOGIN_FORM.matcher(signInPage.body());
            if (!form.find()) {
                throw new IllegalStateException("No sign-in form at " + signInPage.uri());
            }
            String fields = Map.of("username", user, "password", password, "credentialId", "").entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> signedIn =
                    console.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(fields)));
            if (signedIn.statusCode() != 302) {
                throw new IllegalStateException("Keycloak did not sign " + user + " in: " + signedIn.statusCode());
            }
            console.send(HttpRequest.newBuilder(location(signedIn)));
            return console;
        }

        /** Loads the page and returns its size in bytes; anything but 200 ends the scenario. */
        long load(String path) throws Exception {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + path)));
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode() + ": " + page.body());
            }
            return page.body().getBytes(StandardCharsets.UTF_8).length;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(
                        pair.substring(0, equals).trim(),
                        pair.substring(equals + 1).trim());
            });
            return response;
        }

        private static URI location(HttpResponse<?> response) {
            return response.uri()
                    .resolve(response.headers()
                            .firstValue("Location")
                            .orElseThrow(() -> new IllegalStateException(
                                    "No redirect from " + response.uri() + ": " + response.statusCode())));
        }
    }
}
