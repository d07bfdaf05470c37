package com.subscriptions.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.subscriptions.IntegrationTest;
import com.subscriptions.ServerKeys;
import com.subscriptions.TestUsers.Account;
import com.subscriptions.TestUsers.Tokens;
import com.subscriptions.TestUsers;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.subscriptions.ApiClient.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every kind of wrong token answers 401 problem+json; a valid token without the role answers 403. The forged
 * tokens are minted here, with the server's own key where only one claim is to be wrong.
 */
class WrongTokensIT extends IntegrationTest {

    private static void refused(RequestSpecification request, String path) {
        request.post(path).then().statusCode(401).contentType(containsString("application/problem+json"))
                .body("status", equalTo(401));
    }

    @Test
    void absentTokenIs401() {
        refused(api(), "/api/v1/auth/logout");
    }

    @Test
    void malformedTokenIs401() {
        refused(api("not-a-jwt"), "/api/v1/auth/logout");
    }

    @Test
    void otherAuthorizationSchemeIs401() {
        refused(api().header("Authorization", "Basic YWRtaW46YWRtaW4="), "/api/v1/auth/logout");
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(serverKey().getKeyID()).generate();
        refused(api(sign(validClaims(), stranger)), "/api/v1/auth/logout");
    }

    @Test
    void unsignedAlgNoneTokenIs401() throws Exception {
        refused(api(new PlainJWT(validClaims().build()).serialize()), "/api/v1/auth/logout");
    }

    @Test
    void wrongIssuerIs401() throws Exception {
        refused(api(sign(validClaims().issuer("someone-else"), serverKey())), "/api/v1/auth/logout");
    }

    @Test
    void expiredTokenIs401() throws Exception {
        UnaryOperator<JWTClaimsSet.Builder> expired = b -> b
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)));
        refused(api(sign(expired.apply(validClaims()), serverKey())), "/api/v1/auth/logout");
    }

    @Test
    void refreshTokenIsNotAnAccessTokenNorTheReverse() {
        Tokens tokens = TestUsers.login(TestUsers.register());
        refused(api(tokens.refresh()), "/api/v1/auth/logout");
        refused(api(tokens.access()), "/api/v1/auth/refresh");
    }

    @Test
    void validTokenWithoutTheRoleIs403() throws Exception {
        api(sign(validClaims(), serverKey())).get("/api/admin/users/1").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void wellFormedTokenWithTheServersKeyIsAccepted() throws Exception {
        // The control for the cases above: only the one wrong claim made them fail.
        api(sign(validClaims(), serverKey())).post("/api/v1/auth/logout").then().statusCode(200);
    }

    @Test
    void tokenSignedByThePreviousKeyStillVerifiesAfterARotation() throws Exception {
        api(sign(validClaims(), ServerKeys.previous())).post("/api/v1/auth/logout").then().statusCode(200);
    }

    private static JWTClaimsSet.Builder validClaims() {
        Account account = TestUsers.register();
        return new JWTClaimsSet.Builder()
                .issuer("subscriptions-service")
                .subject(String.valueOf(account.id()))
                .claim("upn", account.username())
                .claim("groups", List.of("user"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("token_type", "access")
                .claim("fam", UUID.randomUUID().toString());
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey serverKey() throws Exception {
        return ServerKeys.current();
    }
}
