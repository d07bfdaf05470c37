package com.subscriptions.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Swagger UI over the generated {@code /openapi} document. Its scripts come from the swagger-ui webjar in
 * WEB-INF/lib, which the servlet container serves from {@code /webjars/swagger-ui/VERSION/}.
 */
@ApplicationScoped
@Path("docs")
public class SwaggerUiResource {

    static final String SWAGGER_UI = "/webjars/swagger-ui/5.32.6";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Subscription Management API</title>
              <link rel="stylesheet" href="%1$s/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="%1$s/swagger-ui-bundle.js"></script>
              <script src="%1$s/swagger-ui-standalone-preset.js"></script>
              <script src="/api/docs/init.js"></script>
            </body>
            </html>
            """.formatted(SWAGGER_UI);

    /**
     * A script of its own, not inline, so that the Content-Security-Policy allows scripts from this origin only.
     * The bearer token typed into Authorize lives in the page alone: not persisted in the browser's storage.
     */
    private static final String INIT = """
            window.ui = SwaggerUIBundle({
              url: "/openapi",
              dom_id: "#swagger-ui",
              deepLinking: true,
              persistAuthorization: false,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "StandaloneLayout"
            });
            """;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String page() {
        return PAGE;
    }

    @GET
    @Path("init.js")
    @Produces("text/javascript")
    @Operation(hidden = true)
    public String init() {
        return INIT;
    }
}
