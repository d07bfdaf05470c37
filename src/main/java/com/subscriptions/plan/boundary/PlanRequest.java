package com.subscriptions.plan.boundary;

import com.subscriptions.plan.entity.BillingInterval;
import com.subscriptions.plan.entity.PlanDraft;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.platform.entity.CodedEnum;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The body of plan create (POST) and partial update (PUT): every field is optional here, create requires name,
 * description and price. A class rather than a record (Payara's OpenAPI scanner and record constraints).
 */
public class PlanRequest {

    @Size(min = 1, max = 100)
    public String name;

    @Size(min = 1, max = 1000)
    public String description;

    @DecimalMin("0.00")
    @Digits(integer = 8, fraction = 2)
    public BigDecimal price;

    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
    @Schema(description = "ISO 4217 code; default USD", example = "USD")
    public String currency;

    @Schema(description = "monthly (default), quarterly, semi-annual or annual", example = "monthly")
    public String interval;

    @Min(1)
    @Max(120)
    public Integer durationMonths;

    @Schema(type = SchemaType.OBJECT, description = "What the plan includes, as the client likes")
    public JsonObject features;

    @Schema(description = "active (default), inactive or deprecated", example = "active")
    public String status;

    @Schema(description = "Listed to everyone (default true)")
    public Boolean isPublic;

    @Positive
    public Integer maxUsers;

    @Positive
    public Long parentId;

    @Min(0)
    @Max(1_000_000)
    public Integer sortOrder;

    @Min(0)
    @Max(365)
    public Integer trialDays;

    PlanDraft toDraft() {
        return new PlanDraft(name, description, price, currency,
                CodedEnum.parse("interval", interval, BillingInterval.class), durationMonths, features,
                CodedEnum.parse("status", status, PlanStatus.class), isPublic, maxUsers, parentId, sortOrder,
                trialDays);
    }
}
