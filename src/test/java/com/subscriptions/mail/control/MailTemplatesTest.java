package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.MailKind;
import com.subscriptions.mail.entity.RenderedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (String key : new String[] {"username", "service_url", "unsubscribe_url", "email", "link", "valid_for",
                "plan_name", "previous_plan_name", "date", "what_next"}) {
            values.put(key, "<" + key + "&>");
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyKindRendersATextAndAnHtmlWithEveryPlaceholderFilled(MailKind kind) {
        RenderedMail mail = MailTemplates.render(kind, values());
        assertThat(mail.subject()).isNotBlank().doesNotContain("{{").doesNotContain("\n");
        assertThat(mail.text()).startsWith("Hello <username&>,").doesNotContain("{{").doesNotContain("<p>");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("Hello &lt;username&amp;&gt;,")
                .doesNotContain("{{").doesNotContain("<username&>");
        assertThat(mail.html()).contains("<title>" + MailTemplates.escape(mail.subject()) + "</title>");
    }

    @Test
    void onlyTheOptionalKindsOfferTheOptOut() {
        for (MailKind kind : MailKind.values()) {
            RenderedMail mail = MailTemplates.render(kind, values());
            assertThat(mail.text().contains("<unsubscribe_url&>")).as(kind.name()).isEqualTo(kind.optional());
            assertThat(mail.html().contains("&lt;unsubscribe_url&amp;&gt;")).as(kind.name())
                    .isEqualTo(kind.optional());
        }
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorNotAGap() {
        Map<String, String> values = values();
        values.remove("plan_name");
        assertThatThrownBy(() -> MailTemplates.render(MailKind.RENEWED, values))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{plan_name}}");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotExpandedAgain() {
        Map<String, String> values = values();
        values.put("username", "{{email}}");
        assertThat(MailTemplates.render(MailKind.VERIFY_EMAIL, values).text()).startsWith("Hello {{email}},");
    }
}
