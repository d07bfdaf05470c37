package com.subscriptions.platform;

import com.subscriptions.ApiClient;
import com.subscriptions.Browser;
import com.subscriptions.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI at /api/docs renders the generated document in a real browser. */
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
}
