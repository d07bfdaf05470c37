package com.subscriptions.subscription.entity;

import com.subscriptions.plan.entity.BillingInterval;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.plan.entity.SubscriptionPlan;
import com.subscriptions.platform.entity.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.subscriptions.plan.entity.TestPlans.monthly;
import static com.subscriptions.plan.entity.TestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSubscriptionTest {

    private static final Instant JAN_31 = Instant.parse("2026-01-31T12:00:00Z");
    private final SubscriptionPlan basic = monthly(2, "9.99");
    private final SubscriptionPlan pro = monthly(3, "29.99");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aMonthlyPeriodIsOneCalendarMonth() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(s.currentPeriodStart()).isEqualTo(JAN_31);
        // January 31 + one calendar month = February 28 (not March 3).
        assertThat(s.currentPeriodEnd()).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
    }

    @Test
    void intervalsTimesDurationGiveThePeriod() {
        assertThat(plan(9, "1", BillingInterval.ANNUAL, PlanStatus.ACTIVE).periodEnd(JAN_31))
                .isEqualTo(Instant.parse("2027-01-31T12:00:00Z"));
        assertThat(plan(9, "1", BillingInterval.QUARTERLY, PlanStatus.ACTIVE).periodEnd(JAN_31))
                .isEqualTo(Instant.parse("2026-04-30T12:00:00Z"));
        assertThat(plan(9, "1", BillingInterval.SEMI_ANNUAL, PlanStatus.ACTIVE).periodEnd(JAN_31))
                .isEqualTo(Instant.parse("2026-07-31T12:00:00Z"));
    }

    @Test
    void aTrialRunsUntilItsEndAndIsLive() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 14, at(JAN_31));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.TRIAL);
        assertThat(s.trialEndDate()).isEqualTo(JAN_31.plus(Duration.ofDays(14)));
        assertThat(s.currentPeriodEnd()).isEqualTo(s.trialEndDate());
        assertThat(s.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(s.isLive(at(JAN_31.plus(Duration.ofDays(13))))).isTrue();
        assertThat(s.isLive(at(JAN_31.plus(Duration.ofDays(14))))).isFalse();
    }

    @Test
    void inactivePlansAndZeroQuantityAreRefused() {
        SubscriptionPlan retired = plan(4, "5", BillingInterval.MONTHLY, PlanStatus.DEPRECATED);
        assertThatThrownBy(() -> UserSubscription.start(7, retired, 1, true, 0, at(JAN_31)))
                .isInstanceOf(RuleViolation.class).hasMessage("Cannot subscribe to inactive plan");
        assertThatThrownBy(() -> UserSubscription.start(7, basic, 0, true, 0, at(JAN_31)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void anImmediateProratedUpgradeChargesTheUnusedShareOfThePeriod() {
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        UserSubscription s = UserSubscription.start(7, basic, 2, true, 0, at(start));
        // April has 30 days; 10 days used, 20 unused = 2/3 of the period.
        Proration p = s.changePlan(pro, true, false, at(Instant.parse("2026-04-11T00:00:00Z"))).orElseThrow();
        assertThat(p.credit()).isEqualByComparingTo(new BigDecimal("13.32"));   // 9.99 × 2 × 2/3
        assertThat(p.charge()).isEqualByComparingTo(new BigDecimal("39.99"));   // 29.99 × 2 × 2/3 = 39.9866…
        assertThat(p.net()).isEqualByComparingTo(new BigDecimal("26.67"));
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(s.plan()).isSameAs(pro);
    }

    @Test
    void aDowngradeHasANegativeNet() {
        UserSubscription s = UserSubscription.start(7, pro, 1, true, 0, at(Instant.parse("2026-04-01T00:00:00Z")));
        Proration p = s.changePlan(basic, true, false, at(Instant.parse("2026-04-16T00:00:00Z"))).orElseThrow();
        assertThat(p.net()).isNegative();
        assertThat(p.credit()).isEqualByComparingTo(new BigDecimal("15.00"));   // 29.99 / 2, half-even
    }

    @Test
    void withoutProrationNoAmountsAreComputed() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        assertThat(s.changePlan(pro, false, false, at(JAN_31.plusSeconds(60)))).isEmpty();
        assertThat(s.plan()).isSameAs(pro);
    }

    @Test
    void aChangeAtPeriodEndWaitsAsThePendingPlan() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        assertThat(s.changePlan(pro, true, true, at(JAN_31.plusSeconds(60)))).isEmpty();
        assertThat(s.plan()).isSameAs(basic);
        assertThat(s.pendingPlan()).isSameAs(pro);
    }

    @Test
    void theSamePlanOrAnInactiveOneIsRefused() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        assertThatThrownBy(() -> s.changePlan(monthly(2, "9.99"), true, false, at(JAN_31)))
                .isInstanceOf(RuleViolation.class).hasMessage("Already subscribed to this plan");
        assertThatThrownBy(() -> s.changePlan(plan(5, "1", BillingInterval.MONTHLY, PlanStatus.INACTIVE), true, false,
                at(JAN_31))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void cancelAtPeriodEndKeepsItActiveUntilThenAndCanBeUndone() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        s.cancel(true, at(JAN_31.plusSeconds(3600)));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.cancelAtPeriodEnd()).isTrue();
        assertThat(s.canceledAt()).isEqualTo(JAN_31.plusSeconds(3600));
        assertThat(s.autoRenew()).isFalse();

        s.reactivate(at(JAN_31.plusSeconds(7200)));
        assertThat(s.cancelAtPeriodEnd()).isFalse();
        assertThat(s.canceledAt()).isNull();
        assertThat(s.autoRenew()).isTrue();
        assertThatThrownBy(() -> s.reactivate(at(JAN_31.plusSeconds(7300))))
                .isInstanceOf(RuleViolation.class).hasMessage("No cancellation is scheduled");
    }

    @Test
    void cancelNowEndsItAtOnce() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        Instant now = JAN_31.plusSeconds(60);
        s.cancel(false, at(now));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(s.endDate()).isEqualTo(now);
        assertThat(s.isLive(at(now))).isFalse();
        assertThatThrownBy(() -> s.cancel(false, at(now))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void nothingHappensBeforeThePeriodEnds() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        assertThat(s.advance(at(JAN_31.plus(Duration.ofDays(27))))).isEmpty();
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void anAutoRenewingSubscriptionStartsItsNextPeriodOnThePendingPlan() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        s.changePlan(pro, true, true, at(JAN_31.plusSeconds(60)));
        Instant feb28 = Instant.parse("2026-02-28T12:00:00Z");
        assertThat(s.advance(at(feb28.plusSeconds(5)))).contains(SubscriptionEvent.Type.RENEWED);
        assertThat(s.plan()).isSameAs(pro);
        assertThat(s.pendingPlan()).isNull();
        assertThat(s.currentPeriodStart()).isEqualTo(feb28);
        assertThat(s.currentPeriodEnd()).isEqualTo(Instant.parse("2026-03-28T12:00:00Z"));
        // Idempotent: the new period has not ended.
        assertThat(s.advance(at(feb28.plusSeconds(10)))).isEmpty();
    }

    @Test
    void aTrialBecomesActiveWithAPaidPeriodFromItsEnd() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 14, at(JAN_31));
        Instant trialEnd = JAN_31.plus(Duration.ofDays(14));
        assertThat(s.advance(at(trialEnd))).contains(SubscriptionEvent.Type.TRIAL_ENDED);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(s.currentPeriodStart()).isEqualTo(trialEnd);
        assertThat(s.currentPeriodEnd()).isEqualTo(basic.periodEnd(trialEnd));
    }

    @Test
    void aScheduledCancellationTakesEffectAtThePeriodEnd() {
        UserSubscription s = UserSubscription.start(7, basic, 1, true, 0, at(JAN_31));
        s.cancel(true, at(JAN_31.plusSeconds(60)));
        Instant end = s.currentPeriodEnd();
        assertThat(s.advance(at(end.plusSeconds(1)))).contains(SubscriptionEvent.Type.CANCELED);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(s.endDate()).isEqualTo(end);
        assertThat(s.advance(at(end.plusSeconds(2)))).isEmpty();
    }

    @Test
    void withoutAutoRenewItExpires() {
        UserSubscription s = UserSubscription.start(7, basic, 1, false, 0, at(JAN_31));
        assertThat(s.advance(at(s.currentPeriodEnd()))).contains(SubscriptionEvent.Type.EXPIRED);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    }

    @Test
    void anIndefiniteSubscriptionNeverEnds() {
        UserSubscription s = UserSubscription.indefinite(7, basic, 1, at(JAN_31));
        assertThat(s.currentPeriodEnd()).isNull();
        assertThat(s.advance(at(JAN_31.plus(Duration.ofDays(4000))))).isEmpty();
        assertThat(s.isLive(at(JAN_31.plus(Duration.ofDays(4000))))).isTrue();
    }
}
