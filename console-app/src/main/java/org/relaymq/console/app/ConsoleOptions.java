package org.relaymq.console.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.service.DataDirectories;

/**
 * How the console starts.
 *
 * @param dataDir          where demo nodes keep their data
 * @param namesrvExtraArgs extra arguments for demo NameServers (e.g. faster scan and expiry for tests)
 * @param startDemo        start the demo cluster at once (the default with no arguments)
 * @param attach           NameServer list to attach to instead ("host:port;host:port"), or null
 * @param prefs            where window layout and settings are remembered
 */
public record ConsoleOptions(Path dataDir, List<String> namesrvExtraArgs, boolean startDemo, String attach,
                             PreferencesStore prefs) {

    public ConsoleOptions {
        namesrvExtraArgs = List.copyOf(namesrvExtraArgs);
    }

    /** {@code --attach=host:port;...}, {@code --no-demo}, {@code --data-dir=path}, {@code --namesrv-arg=x} (repeatable). */
    public static ConsoleOptions parse(List<String> args, PreferencesStore prefs) {
        Path data = DataDirectories.forThisUser().resolve("demo");
        List<String> nsArgs = new ArrayList<>();
        boolean demo = true;
        String attach = null;
        for (String a : args) {
            if (a.equals("--no-demo")) {
                demo = false;
            } else if (a.startsWith("--attach=")) {
                attach = a.substring("--attach=".length());
                demo = false;
            } else if (a.startsWith("--data-dir=")) {
                data = Path.of(a.substring("--data-dir=".length()));
            } else if (a.startsWith("--namesrv-arg=")) {
                nsArgs.add(a.substring("--namesrv-arg=".length()));
            }
        }
        return new ConsoleOptions(data, nsArgs, demo, attach, prefs);
    }
}
