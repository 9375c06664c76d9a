package org.relaymq.runtime.bootstrap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relaymq admin faults --node HOST:PORT [--drop PEER]... [--delay PEER=MILLIS]... [--heal]}: sets
 * (SET_FAULTS) or, with no rule option, shows (GET_FAULTS) the network faults of one RelayMQ node, then prints
 * what the node answered: one rule per line and the counters.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = {"Show or set the network faults of one RelayMQ node (NameServer, broker, or the event port "
                + "of a produce/consume process). Rules act on the connections that node opened: --drop is a "
                + "partition (frames lost, connections stay open, so only heartbeat expiry notices), --delay sends "
                + "late. Setting replaces every rule the node had; with no rule option and no --heal, shows them."})
final class AdminFaultsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT", description = "The node to ask.")
    String node;

    @Option(names = "--drop", paramLabel = "PEER",
            description = "Drop every frame to and from PEER (host:port as the node connects to it, or * for every "
                    + "peer). Repeatable.")
    List<String> drops = new ArrayList<>();

    @Option(names = "--delay", paramLabel = "PEER=MILLIS",
            description = "Send the frames to PEER MILLIS ms late (1..60000). Repeatable.")
    List<String> delays = new ArrayList<>();

    @Option(names = "--heal", description = "Remove every rule.")
    boolean heal;

    @Option(names = "--json", description = "Print the node's answer as JSON.")
    boolean json;

    @Option(names = "--timeout", defaultValue = "3s", converter = DurationConverter.class,
            description = "Timeout of the request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (!node.matches("[^:\\s]+:\\d{1,5}")) {
            throw new CommandLine.ParameterException(cl, "--node: '" + node + "' is not host:port");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new CommandLine.ParameterException(cl, "--timeout must be positive: " + timeout);
        }
        Optional<FaultRules> change = requested(cl);
        RemotingCommand request = change
                .map(rules -> RemotingCommand.request(RequestCode.SET_FAULTS, Map.of(), rules.encode()))
                .orElseGet(() -> RemotingCommand.request(RequestCode.GET_FAULTS, Map.of()));
        RemotingCommand answer;
        try (ExecutorScheduler scheduler = new ExecutorScheduler("admin-faults-timer", 1);
             NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults()
                     .withName("admin-faults").withConnectTimeout(timeout), scheduler, TimeSource.system())) {
            answer = client.invokeSync(node, request, timeout.toMillis());
        } catch (RemotingException e) {
            return fail("cannot reach " + node + ": " + e.getMessage());
        }
        if (answer.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            return fail(node + " does not take fault rules (not a RelayMQ node?)");
        }
        if (answer.code() != ResponseCode.SUCCESS) {
            return fail(node + " refused: " + answer.remark());
        }
        print(JsonParser.parseString(new String(answer.body(), StandardCharsets.UTF_8)).getAsJsonObject());
        return 0;
    }

    /** The rules to set, or empty to only show them. */
    private Optional<FaultRules> requested(CommandLine cl) {
        if (heal && (!drops.isEmpty() || !delays.isEmpty())) {
            throw new CommandLine.ParameterException(cl, "--heal removes every rule; it takes no --drop or --delay");
        }
        if (heal) {
            return Optional.of(FaultRules.NONE);
        }
        if (drops.isEmpty() && delays.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<FaultRule> rules = new ArrayList<>();
            drops.forEach(peer -> rules.add(FaultRule.drop(peer)));
            delays.forEach(spec -> rules.add(delay(spec)));
            return Optional.of(new FaultRules(rules));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private static FaultRule delay(String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--delay takes PEER=MILLIS, got '" + spec + "'");
        }
        long millis;
        try {
            millis = Long.parseLong(spec.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--delay " + spec + ": MILLIS is not a whole number");
        }
        return FaultRule.delay(spec.substring(0, eq), millis);
    }

    /** "faults on NODE, acting on ...", one rule per line, then the counters; or the answer as JSON. */
    private void print(JsonObject state) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(state));
            out.flush();
            return;
        }
        FaultRules rules = FaultRules.fromJson(state);
        out.println("faults on " + node + ", acting on " + text(state, "appliesTo"));
        if (rules.isEmpty()) {
            out.println("  none");
        }
        rules.rules().forEach(r -> out.println("  " + r.describe()));
        out.println("dropped frames " + text(state, "droppedFrames") + ", delayed frames "
                + text(state, "delayedFrames") + ", open connections " + text(state, "openConnections"));
        out.flush();
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "?";
    }

    /** One line on stderr, exit code 1. */
    private int fail(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
