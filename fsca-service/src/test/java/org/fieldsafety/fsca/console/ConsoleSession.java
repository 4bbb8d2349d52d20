package org.fieldsafety.fsca.console;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in to the console as a browser does, over plain HTTP: the console sends it to Keycloak's sign-in
 * page (authorization code flow), the form there takes the password, Keycloak returns it with a code, and
 * the console sets its session cookie.
 */
public final class ConsoleSession {

    /** The console's session cookie (quarkus-oidc's, tenant "console"). */
    public static final String COOKIE = "q_session_console";

    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private ConsoleSession() {}

    /** A request carrying the session cookie of {@code user}. */
    public static RequestSpecification signIn(String user, String password) {
        Browser browser = signedIn(user, password);
        RequestSpecification request = given().redirects().follow(false);
        browser.cookies().forEach((name, value) -> {
            if (name.startsWith(COOKIE)) {
                request.cookie(name, value);
            }
        });
        return request;
    }

    /** The {@code Set-Cookie} headers with which the console starts the session of {@code user}. */
    public static List<String> sessionCookies(String user, String password) {
        return signedIn(user, password).sessionHeaders();
    }

    private static Browser signedIn(String user, String password) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Browser browser = new Browser(http, new LinkedHashMap<>(), new ArrayList<>());
        URI console = URI.create("http://localhost:" + RestAssured.port + "/console");
        HttpResponse<String> toSignIn = get(browser, console);
        HttpResponse<String> signInPage = get(browser, location(toSignIn));
        Matcher form = LOGIN_FORM.matcher(signInPage.body());
        if (!form.find()) {
            throw new IllegalStateException("No sign-in form at " + signInPage.uri() + ": " + signInPage.body());
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        HttpResponse<String> signedIn = send(
                browser,
                HttpRequest.newBuilder(action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "credentialId", "")))));
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Keycloak did not sign " + user + " in: " + signedIn.statusCode());
        }
        get(browser, location(signedIn)); // the console takes the code and sets its session cookie
        if (browser.sessionHeaders().isEmpty()) {
            throw new IllegalStateException("The console set no session cookie for " + user);
        }
        return browser;
    }

    private static URI location(HttpResponse<?> response) {
        return response.uri()
                .resolve(response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IllegalStateException(
                                "No redirect from " + response.uri() + ": " + response.statusCode())));
    }

    private static HttpResponse<String> get(Browser browser, URI uri) {
        return send(browser, HttpRequest.newBuilder(uri).GET());
    }

    /**
     * Sends with every cookie received so far, as a browser on localhost does: Java's own cookie manager
     * withholds Keycloak's {@code Secure} cookies over plain HTTP, where browsers treat localhost as secure.
     */
    private static HttpResponse<String> send(Browser browser, HttpRequest.Builder request) {
        if (!browser.cookies().isEmpty()) {
            request.header(
                    "Cookie",
                    browser.cookies().entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = browser.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> {
                String pair = header.split(";", 2)[0];
                if (pair.startsWith(COOKIE)) {
                    browser.sessionHeaders().add(header);
                }
                int equals = pair.indexOf('=');
                browser.cookies()
                        .put(
                                pair.substring(0, equals).trim(),
                                pair.substring(equals + 1).trim());
            });
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Browser(HttpClient http, Map<String, String> cookies, List<String> sessionHeaders) {}

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
