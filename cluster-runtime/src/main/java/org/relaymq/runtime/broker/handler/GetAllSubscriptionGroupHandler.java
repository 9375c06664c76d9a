package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 201 GET_ALL_SUBSCRIPTIONGROUP_CONFIG: every group's config with the table version (slave sync, admin). */
public final class GetAllSubscriptionGroupHandler implements RequestHandler {

    private final SubscriptionGroupManager groups;

    public GetAllSubscriptionGroupHandler(SubscriptionGroupManager groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return Replies.ok(request, groups.wrapper().encode());
    }
}
