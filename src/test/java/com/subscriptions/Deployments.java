package com.subscriptions;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The one deployment of the integration tests: the WAR that `mvn package` built, as users run it, plus a probe
 * resource that fails on purpose so the error model can be tested end to end. Before it starts, the server is
 * given a "previous" signing key, as after a key rotation, and the SMTP server it sends to is started.
 */
@ArquillianSuiteDeployment
public final class Deployments {

    private Deployments() {
    }

    @Deployment(testable = false)
    public static WebArchive packagedWar() throws Exception {
        ServerKeys.createPreviousKey();
        MailServer.start();
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(war).addClass(ErrorProbeResource.class);
    }
}
