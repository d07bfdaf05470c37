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
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi",
                  dom_id: "#swagger-ui",
                  deepLinking: true,
                  persistAuthorization: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """.formatted(SWAGGER_UI);

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String page() {
        return PAGE;
    }
}
