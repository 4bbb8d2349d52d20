package org.fieldsafety.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared settings as production resolves them (profile prod, settings from the environment), against
 * those of a local run: what a service exposes and how it signs staff in must not be left to a default.
 */
class ProductionConfigurationTest {

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL shared = ProductionConfigurationTest.class.getResource("/META-INF/microprofile-config.properties");
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(shared, 100))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }

    @Test
    void productionSignsStaffInWithTheIssuerAndClientIdAndOffersNoBasicNorSwaggerUi() throws IOException {
        SmallRyeConfig production = config(
                "prod",
                Map.of(
                        "OIDC_ISSUER_URL", "https://sso.example.com/realms/fieldsafety",
                        "OIDC_CLIENT_ID", "fieldsafety"));
        assertEquals(
                "https://sso.example.com/realms/fieldsafety", production.getRawValue("quarkus.oidc.auth-server-url"));
        assertEquals("fieldsafety", production.getRawValue("quarkus.oidc.client-id"));
        assertEquals("fieldsafety", production.getRawValue("fieldsafety.signature.client-id"));
        assertEquals(Optional.empty(), production.getOptionalValue("fieldsafety.sign-in.basic.enabled", Boolean.class));
        assertEquals(false, production.getValue("quarkus.swagger-ui.enable", Boolean.class));
        assertEquals(true, production.getValue("quarkus.management.enabled", Boolean.class));
        assertEquals("deny", production.getRawValue("quarkus.http.auth.permission.unlisted.policy"));
        assertEquals("/*", production.getRawValue("quarkus.http.auth.permission.unlisted.paths"));
        assertEquals(true, production.getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class));
    }

    @Test
    void aLocalRunHasBasicAtTheIdentityProviderAndSwaggerUi() throws IOException {
        SmallRyeConfig local = config("local", Map.of());
        assertEquals(true, local.getValue("fieldsafety.sign-in.basic.enabled", Boolean.class));
        assertEquals(true, local.getValue("quarkus.swagger-ui.enable", Boolean.class));
        assertEquals("fieldsafety-cli", local.getRawValue("fieldsafety.signature.client-id"));
        assertEquals("http://localhost:8180/realms/fieldsafety", local.getRawValue("quarkus.oidc.auth-server-url"));
        assertEquals(Optional.empty(), local.getOptionalValue("kafka.security.protocol", String.class));
    }

    @Test
    void productionKafkaClientsUseTlsAndScramFromTheEnvironment() throws IOException {
        SmallRyeConfig production = config(
                "prod",
                Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"fsca\" password=\"x\";",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
                        "HTTPS_CERTIFICATE_FILE", "/etc/tls/tls.crt",
                        "HTTPS_CERTIFICATE_KEY_FILE", "/etc/tls/tls.key",
                        "HTTP_INSECURE_REQUESTS", "disabled"));
        assertEquals("SASL_SSL", production.getRawValue("kafka.security.protocol"));
        assertEquals("SCRAM-SHA-512", production.getRawValue("kafka.sasl.mechanism"));
        assertTrue(production.getRawValue("kafka.sasl.jaas.config").contains("username=\"fsca\""));
        assertEquals("/etc/kafka/ca.p12", production.getRawValue("kafka.ssl.truststore.location"));
        assertEquals("/etc/tls/tls.crt", production.getRawValue("quarkus.http.ssl.certificate.files"));
        assertEquals("disabled", production.getRawValue("quarkus.http.insecure-requests"));
        assertEquals("PLAINTEXT", config("prod", Map.of()).getRawValue("kafka.security.protocol"));
    }

    @Test
    void productionMigratesAsTheSchemaOwnerAndRunsAsTheRuntimeRole() throws IOException {
        SmallRyeConfig production = config(
                "prod",
                Map.of(
                        "quarkus.datasource.username", "fsca",
                        "DB_MIGRATION_USER", "fsca_owner",
                        "DB_MIGRATION_PASSWORD", "secret"));
        assertEquals("fsca_owner", production.getRawValue("quarkus.flyway.username"));
        assertEquals("secret", production.getRawValue("quarkus.flyway.password"));
        assertEquals("fsca", production.getValue("quarkus.flyway.placeholders.runtime_role", String.class));
    }
}
