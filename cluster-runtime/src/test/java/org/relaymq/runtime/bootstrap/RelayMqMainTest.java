package org.relaymq.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.RelayMqVersion;
import picocli.CommandLine;

class RelayMqMainTest {

    @Test
    void versionPrintsTheProjectVersion() {
        StringWriter out = new StringWriter();
        CommandLine cl = RelayMqMain.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--version");
        assertThat(code).isZero();
        assertThat(RelayMqVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(out.toString()).contains("relaymq " + RelayMqVersion.version());
    }

    @Test
    void helpListsUsage() {
        StringWriter out = new StringWriter();
        CommandLine cl = RelayMqMain.commandLine();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: relaymq").contains("--version");
    }

    @Test
    void unknownOptionFailsWithNonZeroExit() {
        StringWriter err = new StringWriter();
        CommandLine cl = RelayMqMain.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--no-such-option")).isNotZero();
        assertThat(err.toString()).contains("no-such-option");
    }
}
