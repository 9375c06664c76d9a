package org.relaymq.runtime.bootstrap;

import java.util.concurrent.Callable;
import org.relaymq.protocol.RelayMqVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code relaymq-runtime.jar}: one picocli subcommand per node kind. */
@Command(name = "relaymq",
        mixinStandardHelpOptions = true,
        versionProvider = RelayMqMain.VersionProvider.class,
        description = "RelayMQ runtime: NameServer, broker, clients and tools.",
        subcommands = {CommandLine.HelpCommand.class, NamesrvCommand.class, BrokerCommand.class,
            ProduceCommand.class, ConsumeCommand.class, AdminCommand.class, BenchCommand.class})
public final class RelayMqMain implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RelayMqMain());
        cl.setParameterExceptionHandler(RelayMqMain::onBadParameters);
        cl.setExecutionExceptionHandler(RelayMqMain::onFailure);
        return cl;
    }

    /** A bad option: one line saying what is wrong, then where to look. Exit code 2. */
    private static int onBadParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(cl.getCommandName() + ": " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName()
                + " --help')");
        cl.getErr().flush();
        return 2;
    }

    /** A node that cannot start (port in use, unreadable file): one line with the reason. Exit code 1. */
    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable root = e;
        String message = e.getMessage();
        while (message == null && root.getCause() != null) {
            root = root.getCause();
            message = root.getMessage();
        }
        cl.getErr().println(cl.getCommandName() + ": " + (message != null ? message : e.toString()));
        cl.getErr().flush();
        return 1;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Version text shared by every subcommand. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "relaymq " + RelayMqVersion.version(),
                RelayMqVersion.vendor() + " - Apache RocketMQ remoting protocol, wire version "
                        + RelayMqVersion.WIRE_VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
