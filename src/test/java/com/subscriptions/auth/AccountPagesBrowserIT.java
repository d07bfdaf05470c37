package com.subscriptions.auth;

import com.subscriptions.ApiClient;
import com.subscriptions.Browser;
import com.subscriptions.IntegrationTest;
import com.subscriptions.MailServer;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The pages that mail links open, in real headless Chromium, following the links of mails the service sent. */
@Tag("browser")
class AccountPagesBrowserIT extends IntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/account/[a-z-]+\\.html#token=\\S+)");

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** The mail's link, on the tested server (the service's public URL is the run command's default). */
    private static String link(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in: " + text).isTrue();
        return ApiClient.BASE_URI + link.group(1);
    }

    private void submitAndExpect(String message) {
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), message));
    }

    @Test
    void theVerificationLinkConfirmsTheAddressOnlyWhenAskedAndOnlyOnce() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String link = link(MailServer.part(MailServer.await(account.email(), "Confirm", WITHIN), 0));
        String access = TestUsers.login(account).access();
        browser.get(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form button")));
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");
        api(access).get("/api/v1/account").then().body("email_verified", equalTo(false));
        submitAndExpect("your email address is confirmed");
        api(access).get("/api/v1/account").then().body("email_verified", equalTo(true));
        Browser.screenshot(browser, "account-verified");
        browser.get("about:blank"); // the same URL again would only move to its fragment, without loading the page
        browser.get(link);
        submitAndExpect("This link is invalid, expired or already used.");
    }

    @Test
    void theResetLinkSetsANewPasswordAfterRefusingAWeakOne() throws Exception {
        TestUsers.Account account = TestUsers.register();
        api().contentType("application/json").body(Map.of("email", account.email()))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        browser.get(link(MailServer.part(MailServer.await(account.email(), "Reset", WITHIN), 0)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("password"))).sendKeys("Cedar-Window-Pilot-58");
        browser.findElement(By.name("password-again")).sendKeys("Cedar-Window-Pilot-59");
        submitAndExpect("The two passwords differ.");
        browser.findElement(By.name("password")).clear();
        browser.findElement(By.name("password")).sendKeys("password");
        browser.findElement(By.name("password-again")).clear();
        browser.findElement(By.name("password-again")).sendKeys("password");
        submitAndExpect("The password ");
        browser.findElement(By.name("password")).clear();
        browser.findElement(By.name("password")).sendKeys("Cedar-Window-Pilot-58");
        browser.findElement(By.name("password-again")).clear();
        browser.findElement(By.name("password-again")).sendKeys("Cedar-Window-Pilot-58");
        submitAndExpect("Your password is changed");
        Browser.screenshot(browser, "account-password-reset");
        TestUsers.login(account.username(), "Cedar-Window-Pilot-58");
    }

    @Test
    void theOptOutLinkTurnsNotificationsOff() throws Exception {
        TestUsers.Account account = TestUsers.register();
        String access = TestUsers.login(account).access();
        api(access).contentType("application/json").body(Map.of("plan_id", 2)).post("/api/v1/subscriptions")
                .then().statusCode(201);
        api(access).contentType("application/json").body(Map.of("at_period_end", true))
                .post("/api/v1/subscriptions/cancel").then().statusCode(200);
        browser.get(link(MailServer.part(MailServer.await(account.email(), "ends on", WITHIN), 0)));
        submitAndExpect("you will receive no more notification mails");
        api(access).get("/api/v1/account").then().body("email_notifications", equalTo(false));
    }

    @Test
    void aPageOpenedWithoutItsTokenSaysSo() throws Exception {
        browser.get(ApiClient.BASE_URI + "/account/verify-email.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "needs the link from your mail"));
        assertThat(browser.findElement(By.cssSelector("form")).isDisplayed()).isFalse();
    }
}
