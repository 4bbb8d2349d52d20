package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's cookies as production configures them: Secure, with a key shared by every instance. */
class ConsoleProductionConfigurationTest {

    @Test
    void productionCookiesAreSecureAndTheSessionKeyIsShared() throws IOException {
        SmallRyeConfig production = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        ConsoleProductionConfigurationTest.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(
                        Map.of("CONSOLE_SESSION_KEY", "a-key-of-at-least-32-characters-here"), "environment", 300))
                .build();
        assertEquals(
                true, production.getValue("quarkus.oidc.console.authentication.cookie-force-secure", Boolean.class));
        assertEquals(true, production.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
        assertEquals(true, production.getValue("quarkus.rest-csrf.cookie-http-only", Boolean.class));
        assertEquals(
                "a-key-of-at-least-32-characters-here",
                production.getRawValue("quarkus.oidc.console.token-state-manager.encryption-secret"));
        assertEquals("PT8H", production.getRawValue("fieldsafety.console.session-lifetime"));
    }
}
