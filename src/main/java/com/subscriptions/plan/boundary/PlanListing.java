package com.subscriptions.plan.boundary;

import com.subscriptions.paging.boundary.QueryParams;
import com.subscriptions.paging.boundary.SparseFields;
import com.subscriptions.plan.control.PlanFilter;
import com.subscriptions.plan.control.PlanReads;
import com.subscriptions.plan.control.PlanView;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.platform.boundary.ETags;
import com.subscriptions.platform.entity.CodedEnum;
import com.subscriptions.versioning.control.ApiVersion;
import com.subscriptions.versioning.control.ReadStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The plan list as the API answers it (filter, page, sparse fields, ETag), for {@code GET /plans} and the original
 * service's {@code GET /subscriptions/plans} alike: two routes, one answer, and no resource calling another.
 */
@ApplicationScoped
public class PlanListing {

    @Inject
    ReadStrategies strategies;

    public Response list(ApiVersion version, String page, String perPage, String status, String publicOnly,
                         String cursor, String fields, Request request) {
        PlanFilter filter = new PlanFilter(CodedEnum.parse("status", status, PlanStatus.class),
                QueryParams.bool("public_only", publicOnly, true));
        SparseFields selected = SparseFields.parse(fields, PlanView.class);
        PlanList plans = PlanList.of(strategies.of(PlanReads.class, version)
                .list(filter, QueryParams.page(page, perPage, cursor)));
        return ETags.conditional(request, selected.in(plans, "plans"));
    }
}
