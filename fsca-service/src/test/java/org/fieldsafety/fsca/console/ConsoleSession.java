package org.fieldsafety.fsca.console;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Signs in to the console through its login form, as a browser does, for tests that speak HTTP. */
public final class ConsoleSession {

    public static final String COOKIE = "fieldsafety-console";

    private ConsoleSession() {}

    /** A request carrying the session cookie of {@code user}. */
    public static RequestSpecification signIn(String user, String password) {
        String session = given().redirects()
                .follow(false)
                .formParam("j_username", user)
                .formParam("j_password", password)
                .post("/console/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie(COOKIE);
        return given().redirects().follow(false).cookie(COOKIE, session);
    }
}
