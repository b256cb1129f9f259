package io.memtomem.cli.service;

import io.memtomem.cli.common.CommandRunner;
import io.memtomem.locking.testsupport.FakeOs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The definition files each platform writes, byte for byte where it matters, and how each one is chosen. */
class ServiceDefinitionsTest {
    private static final Path HOME = Path.of("/home/ann");
    private static final ServiceSpec SPEC = new ServiceSpec(Path.of("/opt/memtomem/bin/memtomem-server"), "127.0.0.1",
            8765, HOME.resolve(".memtomem"), Map.of("HOME", "/home/ann", "JAVA_HOME", "/usr/lib/jvm/java-17",
            "MEMTOMEM_TOOL_MODE", "full"));

    @Test
    void platformIsChosenByTheOperatingSystem() {
        Path localAppData = Path.of("C:/Users/ann/AppData/Local");
        assertInstanceOf(SystemdUserUnit.class, ServicePlatform.of(FakeOs.posix(), HOME, Map.of()));
        assertInstanceOf(LaunchAgent.class, ServicePlatform.of(FakeOs.posix().macOs(), HOME, Map.of()));
        ServicePlatform windows = ServicePlatform.of(FakeOs.windows(localAppData), HOME, Map.of());
        assertInstanceOf(ScheduledTask.class, windows);
        assertEquals(localAppData.resolve("memtomem/memtomem-task.xml"), windows.definitionFile());
    }

    @Test
    void systemdUnitRunsTheLauncherOnThisStoreAtLoginAndRestartsOnFailure() {
        SystemdUserUnit unit = new SystemdUserUnit(HOME, Map.of());
        assertEquals(HOME.resolve(".config/systemd/user/memtomem.service"), unit.definitionFile());
        assertEquals("""
                # Written by 'mm service install'; 'mm service uninstall' stops and removes it.
                [Unit]
                Description=memtomem MCP server (Streamable HTTP) for /home/ann/.memtomem

                [Service]
                Type=simple
                ExecStart=/opt/memtomem/bin/memtomem-server --transport http --host 127.0.0.1 --port 8765
                Environment="HOME=/home/ann"
                Environment="JAVA_HOME=/usr/lib/jvm/java-17"
                Environment="MEMTOMEM_TOOL_MODE=full"
                Restart=on-failure
                RestartSec=5
                # a refused start (exit 2: a --host that is no address here) does not get better by retrying
                RestartPreventExitStatus=2
                # the JVM's exit status when systemctl stop sends SIGTERM
                SuccessExitStatus=143

                [Install]
                WantedBy=default.target
                """, new String(unit.definition(SPEC), StandardCharsets.UTF_8));
        assertEquals(List.of(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", "memtomem.service")), unit.start());
        assertEquals(List.of(List.of("systemctl", "--user", "disable", "--now", "memtomem.service")), unit.stop());
        assertEquals(List.of(List.of("systemctl", "--user", "daemon-reload")), unit.afterRemove());
    }

    @Test
    void systemdUnitFollowsXdgConfigHome() {
        assertEquals(Path.of("/cfg/systemd/user/memtomem.service"),
                new SystemdUserUnit(HOME, Map.of("XDG_CONFIG_HOME", "/cfg")).definitionFile());
    }

    @Test
    void systemdUnitEscapesSpacesQuotesPercentAndDollarInPathsAndValues() {
        ServiceSpec odd = new ServiceSpec(Path.of("/opt/my mem$tomem/100%/bin/memtomem-server"), "127.0.0.1", 9000,
                Path.of("/home/a \"b\"/.memtomem"), Map.of("MEMTOMEM_X", "50% \"off\" \\ $HOME"));
        String unit = new String(new SystemdUserUnit(HOME, Map.of()).definition(odd), StandardCharsets.UTF_8);
        // systemd does not expand $ in the executable path, only in the arguments
        assertTrue(unit.contains("ExecStart=\"/opt/my mem$tomem/100%%/bin/memtomem-server\" --transport http"),
                unit);
        ServiceSpec dollarHost = new ServiceSpec(SPEC.launcher(), "a$b", 9000, SPEC.storeDir(), Map.of());
        assertTrue(new String(new SystemdUserUnit(HOME, Map.of()).definition(dollarHost), StandardCharsets.UTF_8)
                .contains(" --host \"a$$b\" --port 9000\n"));
        assertTrue(unit.contains("Environment=\"MEMTOMEM_X=50%% \\\"off\\\" \\\\ $HOME\"\n"), unit);
        assertTrue(unit.contains("Description=memtomem MCP server (Streamable HTTP) for /home/a \"b\"/.memtomem\n"),
                unit);
    }

    @Test
    void systemdStateIsTheManagersWordOrUnknownWhenNoSessionAnswers() {
        SystemdUserUnit unit = new SystemdUserUnit(HOME, Map.of());
        assertEquals("active", unit.state(new CommandRunner.Result(0, "active\n")));
        assertEquals("failed", unit.state(new CommandRunner.Result(3, "failed")));
        CommandRunner.Result noBus = new CommandRunner.Result(1, "Failed to connect to bus: No medium found");
        assertEquals("unknown", unit.state(noBus));
        assertTrue(unit.failureHint(noBus).contains("No systemd user session"), unit.failureHint(noBus));
        assertTrue(unit.failureHint(new CommandRunner.Result(CommandRunner.NOT_FOUND, "")).contains("not installed"));
    }

    @Test
    void launchAgentPlistRunsAtLoadKeepsAliveOnFailureAndLogsToTheStore() throws Exception {
        LaunchAgent agent = new LaunchAgent(HOME, 501);
        assertEquals(HOME.resolve("Library/LaunchAgents/io.memtomem.server.plist"), agent.definitionFile());
        ServiceSpec amp = new ServiceSpec(SPEC.launcher(), "127.0.0.1", 8765, SPEC.storeDir(),
                Map.of("MEMTOMEM_X", "a&b<c>"));
        Element dict = (Element) parse(agent.definition(amp)).getDocumentElement().getElementsByTagName("dict").item(0);
        Map<String, Element> entries = plistDict(dict);
        assertEquals("io.memtomem.server", entries.get("Label").getTextContent());
        assertEquals(List.of("/opt/memtomem/bin/memtomem-server", "--transport", "http", "--host", "127.0.0.1",
                "--port", "8765"), texts(entries.get("ProgramArguments").getElementsByTagName("string")));
        assertEquals("a&b<c>", plistDict(entries.get("EnvironmentVariables")).get("MEMTOMEM_X").getTextContent());
        assertEquals("true", entries.get("RunAtLoad").getTagName());
        assertEquals("false", plistDict(entries.get("KeepAlive")).get("SuccessfulExit").getTagName());
        assertEquals("/home/ann/.memtomem/logs/service.log", entries.get("StandardErrorPath").getTextContent());
        assertEquals(List.of(List.of("launchctl", "bootstrap", "gui/501",
                "/home/ann/Library/LaunchAgents/io.memtomem.server.plist")), agent.start());
        assertEquals(List.of(List.of("launchctl", "bootout", "gui/501/io.memtomem.server")), agent.stop());
        assertEquals(List.of("launchctl", "print", "gui/501/io.memtomem.server"), agent.stateCommand());
        assertEquals("running", agent.state(new CommandRunner.Result(0, "gui/501/io.memtomem.server = {\n"
                + "\tactive count = 1\n\tstate = running\n")));
        assertEquals("not loaded", agent.state(new CommandRunner.Result(113, "Could not find service")));
    }

    @Test
    void scheduledTaskIsUtf16XmlStartingAtThisUsersLogonWithoutTimeLimit() throws Exception {
        Path localAppData = Path.of("C:\\Users\\ann\\AppData\\Local");
        ScheduledTask task = new ScheduledTask(localAppData, Map.of("USERDOMAIN", "WORK", "USERNAME", "ann"));
        ServiceSpec windows = new ServiceSpec(Path.of("C:\\Program Files\\memtomem\\bin\\memtomem-server.cmd"),
                "127.0.0.1", 8765, Path.of("C:\\Users\\ann\\.memtomem"),
                Map.of("JAVA_HOME", "C:\\Program Files\\Java\\jdk-17", "MEMTOMEM_TOOL_MODE", "full"));
        byte[] bytes = task.definition(windows);
        assertEquals(0xFF, bytes[0] & 0xFF); // UTF-16LE byte-order mark
        assertEquals(0xFE, bytes[1] & 0xFF);
        Element root = parse(bytes).getDocumentElement();
        assertEquals("WORK\\ann", text(root, "LogonTrigger", "UserId"));
        assertEquals("InteractiveToken", text(root, "Principal", "LogonType"));
        assertEquals("PT0S", text(root, "Settings", "ExecutionTimeLimit"));
        assertEquals("PT1M", text(root, "RestartOnFailure", "Interval"));
        assertEquals("cmd.exe", text(root, "Exec", "Command"));
        assertEquals("/d /s /c \"set \"JAVA_HOME=C:\\Program Files\\Java\\jdk-17\" && set \"MEMTOMEM_TOOL_MODE=full\""
                + " && \"C:\\Program Files\\memtomem\\bin\\memtomem-server.cmd\" \"--transport\" \"http\" \"--host\""
                + " \"127.0.0.1\" \"--port\" \"8765\"\"", text(root, "Exec", "Arguments"));
        String xml = localAppData.resolve("memtomem").resolve("memtomem-task.xml").toString();
        assertEquals(List.of(List.of("schtasks", "/Create", "/TN", "memtomem", "/XML", xml, "/F"),
                List.of("schtasks", "/Run", "/TN", "memtomem")), task.start());
        assertEquals(List.of(List.of("schtasks", "/End", "/TN", "memtomem"),
                List.of("schtasks", "/Delete", "/TN", "memtomem", "/F")), task.stop());
        assertEquals("Running", task.state(new CommandRunner.Result(0, "Folder: \\\nTaskName: \\memtomem\n"
                + "Status:        Running\n")));
        assertEquals("not registered", task.state(new CommandRunner.Result(1, "ERROR: The system cannot find the "
                + "file specified.")));
    }

    @Test
    void scheduledTaskRefusesAQuoteCmdCannotPass() {
        ScheduledTask task = new ScheduledTask(Path.of("C:/L"), Map.of());
        ServiceSpec quoted = new ServiceSpec(Path.of("C:/m/bin/memtomem-server.cmd"), "127.0.0.1", 8765,
                Path.of("C:/u/.memtomem"), Map.of("MEMTOMEM_X", "say \"hi\""));
        assertThrows(IllegalArgumentException.class, () -> task.definition(quoted));
    }

    @Test
    void specRefusesLineBreaksNoDefinitionCanCarry() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceSpec(SPEC.launcher(), "127.0.0.1", 8765,
                SPEC.storeDir(), Map.of("MEMTOMEM_X", "a\nExecStartPre=/bin/evil")));
        assertThrows(IllegalArgumentException.class, () -> new ServiceSpec(SPEC.launcher(), "127.0.0.1", 0,
                SPEC.storeDir(), Map.of()));
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** A plist {@code <dict>}: each {@code <key>} maps to the element after it. */
    private static Map<String, Element> plistDict(Element dict) {
        Map<String, Element> entries = new java.util.LinkedHashMap<>();
        List<Element> children = new ArrayList<>();
        for (int i = 0; i < dict.getChildNodes().getLength(); i++) {
            if (dict.getChildNodes().item(i) instanceof Element element) {
                children.add(element);
            }
        }
        for (int i = 0; i + 1 < children.size(); i += 2) {
            entries.put(children.get(i).getTextContent(), children.get(i + 1));
        }
        return entries;
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String text(Element root, String parent, String child) {
        Element outer = (Element) root.getElementsByTagName(parent).item(0);
        return outer.getElementsByTagName(child).item(0).getTextContent();
    }
}
