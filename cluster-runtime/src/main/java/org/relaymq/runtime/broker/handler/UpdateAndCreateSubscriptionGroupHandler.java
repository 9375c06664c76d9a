package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 200 UPDATE_AND_CREATE_SUBSCRIPTIONGROUP: creates or replaces a group's config (refused on a slave). */
public final class UpdateAndCreateSubscriptionGroupHandler implements RequestHandler {

    private final BrokerConfig config;
    private final SubscriptionGroupManager groups;

    public UpdateAndCreateSubscriptionGroupHandler(BrokerConfig config, SubscriptionGroupManager groups) {
        this.config = Objects.requireNonNull(config, "config");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        Replies.refuseOnSlave(config);
        groups.createOrUpdate(SubscriptionGroupConfig.decode(request.body()));
        return Replies.ok(request);
    }
}
