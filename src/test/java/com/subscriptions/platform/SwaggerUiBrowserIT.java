package com.subscriptions.platform;

import com.subscriptions.ApiClient;
import com.subscriptions.Browser;
import com.subscriptions.IntegrationTest;
import com.subscriptions.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static com.subscriptions.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI at /api/docs renders the generated document in a real browser. */
@Tag("browser") // -DskipBrowserTests leaves these out (pom.xml, profile skip-browser-tests)
class SwaggerUiBrowserIT extends IntegrationTest {

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void rendersTheApiWithItsOperationsAndAuthorizeButton() throws Exception {
        browser.get(ApiClient.BASE_URI + "/api/docs");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                "Subscription Management API"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        Browser.screenshot(browser, "swagger-ui");

        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(e -> e.getAttribute("data-path"))
                .contains("/api/{version}/plans", "/api/{version}/plans/{id}");
        assertThat(browser.findElements(By.cssSelector(".errors-wrapper"))).isEmpty();
    }

    @Test
    void authorizeWithATokenFromLoginThenCallAProtectedRoute() throws Exception {
        TestUsers.Tokens tokens = TestUsers.login(TestUsers.register());
        browser.get(ApiClient.BASE_URI + "/api/docs");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
        WebElement value = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".auth-container input[type=text], .auth-container input[type=password]")));
        value.sendKeys(tokens.access());
        browser.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-btn-wrapper button.btn-done"))).click();

        WebElement logout = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-Auth-logout")));
        logout.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Auth-logout .try-out__btn")))
                .click();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-Auth-logout tr[data-param-name=version] select")))).selectByValue("v1");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Auth-logout .execute"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#operations-Auth-logout .live-responses-table tr.response .response-col_status"), "200"));
        Browser.screenshot(browser, "swagger-ui-authorized-logout");

        // The token lives in the page only: nothing of it in the browser's storage.
        Object stored = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage);");
        assertThat(String.valueOf(stored)).doesNotContain(tokens.access());

        // The call Swagger UI made carried the token: it is revoked now.
        api(tokens.access()).post("/api/v1/auth/logout").then().statusCode(401);
    }
}
