package com.subscriptions.admin;

import com.subscriptions.ApiClient;
import com.subscriptions.Browser;
import com.subscriptions.IntegrationTest;
import com.subscriptions.MailServer;
import com.subscriptions.TestServer;
import com.subscriptions.TestUsers;
import com.subscriptions.webhook.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin console at /admin/ in real headless Chromium, signed in as an admin (or not). */
@Tag("browser") // -DskipBrowserTests leaves these out (pom.xml, profile skip-browser-tests)
class AdminConsoleBrowserIT extends IntegrationTest {

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
        api(TestUsers.admin().tokens().access()).contentType("application/json")
                .body(Map.of("ttl_seconds", 300)).put("/api/admin/caches/plans").then().statusCode(200);
        api(TestUsers.admin().tokens().access()).contentType("application/json")
                .body(Map.of("max_pool_size", 32)).put("/api/admin/pool").then().statusCode(200);
    }

    /** A new account given the admin role (so that the shared admin's per-account login limit is not spent). */
    private static TestUsers.Account newAdmin() {
        TestUsers.Account account = TestUsers.register();
        api(TestUsers.admin().tokens().access()).contentType("application/json").body(Map.of("is_admin", true))
                .put("/api/admin/users/" + account.id() + "/roles").then().statusCode(200);
        return account;
    }

    private void signIn(TestUsers.Account account) {
        browser.get(ApiClient.BASE_URI + "/admin/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private void signInAsAdmin() {
        signIn(newAdmin());
        wait.until(ExpectedConditions.textMatches(By.id("pool-in-use"), Pattern.compile("\\d+")));
    }

    private WebElement cacheRow(String name) {
        return browser.findElement(By.cssSelector("#caches tr[data-cache='" + name + "']"));
    }

    @Test
    void showsThePoolAndTheCachesLive() throws Exception {
        signInAsAdmin();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#caches tbody tr"), 4));
        assertThat(browser.findElement(By.id("pool-max-size")).getText()).isEqualTo("32");
        assertThat(cacheRow("plans").findElement(By.cssSelector(".ratio")).getText()).endsWith("%");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).startsWith("Signed in as ");
        WebElement answering = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#instances tbody tr.local")));
        assertThat(answering.getText()).contains("(this one)").contains("1.0.0");
        assertThat(answering.findElements(By.cssSelector("td")).get(5).getText()).isEqualTo("32");
        Browser.screenshot(browser, "admin-console-overview");
    }

    @Test
    void aNewCacheTimeToLiveIsAppliedAndReported() throws Exception {
        signInAsAdmin();
        WebElement ttl = wait.until(d -> cacheRow("plans")).findElement(By.cssSelector("input[aria-label^='TTL']"));
        ttl.clear();
        ttl.sendKeys("120");
        cacheRow("plans").findElement(By.xpath(".//button[text()='Apply']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cache-message"), "applied"));
        wait.until(d -> cacheRow("plans").findElement(By.cssSelector(".ttl")).getText().equals("120"));
        api(TestUsers.admin().tokens().access()).get("/api/admin/caches/plans").then()
                .body("ttl_seconds", org.hamcrest.Matchers.equalTo(120));
        Browser.screenshot(browser, "admin-console-cache-ttl");
    }

    @Test
    void clearingACacheDropsItsEntriesToZero() throws Exception {
        signInAsAdmin();
        for (int id = 1; id <= 3; id++) {
            api().get("/api/v3/plans/" + id).then().statusCode(200);
        }
        wait.until(d -> !cacheRow("plans").findElement(By.cssSelector("td.entries")).getText().equals("0")
                && !cacheRow("plans").findElement(By.cssSelector("td.entries")).getText().isEmpty());
        cacheRow("plans").findElement(By.xpath(".//button[text()='Clear']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cache-message"), "plans cleared"));
        wait.until(d -> cacheRow("plans").findElement(By.cssSelector("td.entries")).getText().equals("0"));
        Browser.screenshot(browser, "admin-console-cache-cleared");
    }

    @Test
    void raisingThePoolsMaximumIsReportedByThePool() throws Exception {
        signInAsAdmin();
        WebElement max = browser.findElement(By.id("pool-max-input"));
        wait.until(d -> !max.getAttribute("value").isEmpty());
        max.clear();
        max.sendKeys("48");
        browser.findElement(By.cssSelector("#pool-form button[type=submit]")).click();
        // WildFly sizes its pool only at a reload: the console says so and the pool keeps its size.
        int expected = TestServer.isWildFly() ? 32 : 48;
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pool-message"),
                TestServer.isWildFly() ? "reload" : "max 48"));
        wait.until(ExpectedConditions.textToBe(By.id("pool-max-size"), String.valueOf(expected)));
        api(TestUsers.admin().tokens().access()).get("/api/admin/pool").then()
                .body("max_pool_size", org.hamcrest.Matchers.equalTo(expected));
        Browser.screenshot(browser, "admin-console-pool-resized");
    }

    @Test
    void findsAUserByPrefix() throws Exception {
        String name = "find" + UUID.randomUUID().toString().substring(0, 8);
        api().contentType("application/json").body(Map.of("username", name, "email", name + "@example.org",
                "password", TestUsers.PASSWORD)).post("/api/v1/auth/register").then().statusCode(201);
        signInAsAdmin();
        browser.findElement(By.cssSelector("nav button[data-tab=users]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-query"))).sendKeys(name);
        browser.findElement(By.cssSelector("#user-search button[type=submit]")).click();
        // The first search of a freshly started server can take a while on two cores shared with the browser; the
        // console's message says what happened if the name never shows.
        new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(() -> "users message: "
                        + browser.findElement(By.id("users-message")).getText())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#users tbody"), name));
        assertThat(browser.findElements(By.cssSelector("#users tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#users tbody")).getText()).contains(name + "@example.org");
        Browser.screenshot(browser, "admin-console-user-search");
    }

    @Test
    void registersAnEndpointAndShowsItsTestDelivery() throws Exception {
        try (Receiver receiver = new Receiver()) {
            try {
                signInAsAdmin();
                browser.findElement(By.cssSelector("nav button[data-tab=webhooks]")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-url")))
                        .sendKeys(receiver.url());
                browser.findElement(By.id("webhook-description")).sendKeys("browser test");
                // One rare type rather than all, so that other tests' writes are hardly announced to it meanwhile.
                browser.findElement(By.id("webhook-all-types")).click();
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#webhook-type-list input[value='plan.deleted']"))).click();
                browser.findElement(By.cssSelector("#webhook-form button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "webhook message: "
                                + browser.findElement(By.id("webhook-message")).getText())
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-secret"), "whsec_"));
                assertThat(browser.findElement(By.id("webhook-secret")).getText()).contains("not shown again");
                String id = wait.until(d -> d.findElement(By.xpath("//table[@id='webhooks']//tr[@data-webhook]"
                        + "[contains(., '" + receiver.url() + "')]"))).getAttribute("data-webhook");
                By row = By.cssSelector("#webhooks tr[data-webhook='" + id + "']");
                assertThat(browser.findElement(row).getText()).contains("plan.deleted").doesNotContain("all (*)");

                clickIn(row, "Test");
                Pattern queued = Pattern.compile("Test event (msg_[0-9a-f]+) queued");
                wait.until(ExpectedConditions.textMatches(By.id("webhook-message"), queued));
                Matcher matcher = queued.matcher(browser.findElement(By.id("webhook-message")).getText());
                assertThat(matcher.find()).isTrue();
                String messageId = matcher.group(1);
                assertThat(receiver.await(r -> messageId.equals(r.messageId()), 1, Duration.ofSeconds(20)))
                        .hasSize(1);

                clickIn(row, "Deliveries");
                By delivery = By.xpath("//table[@id='webhook-deliveries']//tr[@data-delivery]"
                        + "[contains(., '" + messageId + "')]");
                // The console follows a pending delivery until it settles.
                wait.until(ExpectedConditions.textToBePresentInElementLocated(delivery, "delivered"));
                assertThat(browser.findElement(delivery).getText()).contains("webhook.test");
                clickIn(delivery, "Attempts");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#webhook-attempts tbody"),
                        "204"));
                Browser.screenshot(browser, "admin-console-webhooks");

                clickIn(row, "Delete");
                wait.until(ExpectedConditions.alertIsPresent()).accept();
                wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-message"), "deleted"));
                assertThat(browser.findElements(By.cssSelector("#webhook-deliveries tr[data-delivery]"))).isEmpty();
                assertThat(api(TestUsers.admin().tokens().access()).get("/api/admin/webhooks").jsonPath()
                        .getList("endpoints.url", String.class)).doesNotContain(receiver.url());
            } finally {
                deleteEndpointsOf(receiver.url());
            }
        }
    }

    /** Clicks the row's button, finding both again should the console redraw the table meanwhile. */
    private void clickIn(By row, String button) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(row).findElement(By.xpath(".//button[text()='" + button + "']")).click();
                    return true;
                });
    }

    /** Whatever the console managed: no endpoint of this test stays behind, to be announced other tests' writes. */
    private static void deleteEndpointsOf(String url) {
        String token = TestUsers.admin().tokens().access();
        List<Object> ids = api(token).get("/api/admin/webhooks").jsonPath().param("url", url)
                .getList("endpoints.findAll { it.url == url }.id");
        ids.forEach(id -> api(token).delete("/api/admin/webhooks/" + id));
    }

    @Test
    void theMailTabShowsARegistrationsVerificationMailWithItsTextAndHtml() throws Exception {
        TestUsers.Account newcomer = TestUsers.register();
        MailServer.await(newcomer.email(), "Confirm", Duration.ofSeconds(15));
        signInAsAdmin();
        browser.findElement(By.cssSelector("nav button[data-tab=mail]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail-settings"), "Sent through 127.0.0.1:"));
        By row = By.xpath("//table[@id='mails']//tr[td[2][text()='" + newcomer.email() + "']]");
        WebElement mail = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(mail.getText()).contains("verify_email", "Confirm your email address");
        wait.until(d -> d.findElement(row).getText().contains("sent"));
        browser.findElement(row).findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail-view-text"),
                "/account/verify-email.html#token="));
        assertThat(browser.findElement(By.id("mail-view-meta")).getText()).contains("To " + newcomer.email(), "sent");
        browser.switchTo().frame(browser.findElement(By.id("mail-view-html")));
        assertThat(browser.findElement(By.linkText("Confirm my address")).getAttribute("href"))
                .contains("/account/verify-email.html#token=");
        browser.switchTo().defaultContent();
        Browser.screenshot(browser, "admin-console-mail");
    }

    @Test
    void aNonAdminIsRefused() throws Exception {
        signIn(TestUsers.register());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
        assertThat(browser.findElement(By.id("refused-message")).getText()).contains("not an admin");
        assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "admin-console-refused");
    }
}
