package org.fieldsafety.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What tests ask of the test JVM's Keycloak: tokens for the realm's accounts, as curl gets them with
 * {@code fieldsafety-cli}, tokens the services must refuse, and the realm's administration (a new user, a
 * short-lived client, the lockout state, the stored sign-in events).
 */
public final class TestTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    public TestTokens(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** The test JVM's Keycloak. */
    public static TestTokens ofTestServers() {
        return new TestTokens(InfraTestResource.TestServers.get().keycloak());
    }

    /** An access token of {@code user}, from the direct grant of {@code fieldsafety-cli}. */
    public String accessToken(String user, String password) {
        return accessToken("fieldsafety-cli", user, password);
    }

    public String accessToken(String clientId, String user, String password) {
        HttpResponse<String> response = passwordGrant(KeycloakServer.REALM, clientId, user, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + response.body());
        }
        return json(response.body()).path("access_token").asText();
    }

    /** The token endpoint's answer to a password grant, refused or not. */
    public HttpResponse<String> passwordGrant(String realm, String clientId, String user, String password) {
        return send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "password", "client_id", clientId, "username", user, "password", password)))));
    }

    /**
     * An access token from the authorization code flow of {@code fieldsafety-console} (PKCE), signed in at
     * Keycloak's form as a browser does: unlike a password grant's, it carries {@code auth_time}.
     */
    public String codeFlowToken(String user, String password) {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge;
        try {
            challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String redirect = "http://localhost:1/console";
        String realm = keycloak.issuerUrl() + "/protocol/openid-connect";
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = browse(
                cookies,
                HttpRequest.newBuilder(URI.create(realm + "/auth?"
                                + form(Map.of(
                                        "client_id", "fieldsafety-console",
                                        "redirect_uri", redirect,
                                        "response_type", "code",
                                        "scope", "openid",
                                        "code_challenge", challenge,
                                        "code_challenge_method", "S256"))))
                        .GET());
        Matcher action = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No sign-in form: " + page.body());
        }
        HttpResponse<String> signedIn = browse(
                cookies,
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "credentialId", "")))));
        String location = signedIn.headers()
                .firstValue("Location")
                .orElseThrow(() ->
                        new IllegalStateException("Keycloak did not sign " + user + " in: " + signedIn.statusCode()));
        String code = location.replaceFirst(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(realm + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "client_id", "fieldsafety-console",
                        "code", code,
                        "redirect_uri", redirect,
                        "code_verifier", verifier)))));
        return json(tokens.body()).path("access_token").asText();
    }

    /**
     * Sends with the cookies received so far and keeps the new ones, as a browser on localhost does (Java's
     * cookie manager withholds Keycloak's {@code Secure} cookies over plain HTTP).
     */
    private HttpResponse<String> browse(Map<String, String> cookies, HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = send(request);
        response.headers().allValues("Set-Cookie").forEach(header -> {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(
                    pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        });
        return response;
    }

    /** A valid token of another issuer: the master realm's administrator's. */
    public String otherIssuersToken() {
        HttpResponse<String> response =
                passwordGrant("master", "admin-cli", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
        return json(response.body()).path("access_token").asText();
    }

    /** {@code token} with its payload changed to claim the admin role; its signature no longer matches. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"roles\":\\[", "\"roles\":[\"admin\",");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** A new public client with direct grants whose access tokens expire {@code seconds} after issue. */
    public String shortLivedClient(int seconds) {
        String clientId = "short-lived-" + UUID.randomUUID();
        admin(
                "POST",
                "/clients",
                Map.of(
                        "clientId", clientId,
                        "publicClient", true,
                        "standardFlowEnabled", false,
                        "directAccessGrantsEnabled", true,
                        "attributes", Map.of("access.token.lifespan", Integer.toString(seconds))));
        return clientId;
    }

    /** A new user of the realm with the given realm roles; answers its id. */
    public String createUser(String username, String password, List<String> roles) {
        admin(
                "POST",
                "/users",
                Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "firstName",
                        "Test",
                        "lastName",
                        "User",
                        "email",
                        username + "@fieldsafety.local",
                        "emailVerified",
                        true,
                        "credentials",
                        List.of(Map.of("type", "password", "value", password, "temporary", false))));
        String id = json(admin("GET", "/users?exact=true&username=" + username, null))
                .path(0)
                .path("id")
                .asText();
        List<Object> mapped = roles.stream()
                .map(role -> (Object) json(admin("GET", "/roles/" + role, null)))
                .toList();
        admin("POST", "/users/" + id + "/role-mappings/realm", mapped);
        return id;
    }

    /** Whether the brute-force protection holds the user locked out now. */
    public boolean lockedOut(String userId) {
        return json(admin("GET", "/attack-detection/brute-force/users/" + userId, null))
                .path("disabled")
                .asBoolean();
    }

    /** The realm's stored events of {@code type} (e.g. LOGIN_ERROR), read with {@code token}. */
    public HttpResponse<String> events(String token, String type) {
        return send(HttpRequest.newBuilder(URI.create(
                        keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/events?type=" + type))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String admin(String method, String path, Object body) {
        String token = otherIssuersToken();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        try {
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
