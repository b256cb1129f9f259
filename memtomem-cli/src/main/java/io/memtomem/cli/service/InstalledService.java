package io.memtomem.cli.service;

import io.memtomem.cli.CliContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service {@code mm service install} left for this user, found by its definition file alone (no service manager
 * is asked, so {@code mm status} stays fast): what {@code mm status} mentions and {@code mm uninstall} refuses around.
 */
public record InstalledService(String kind, String displayName, Path definition) {

    public static Optional<InstalledService> find(CliContext context) {
        ServiceManager manager = ServiceManager.of(context);
        ServicePlatform platform = manager.platform();
        return manager.installed()
                ? Optional.of(new InstalledService(platform.kind(), platform.displayName(), platform.definitionFile()))
                : Optional.empty();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("platform", kind);
        json.put("definition", definition.toString());
        return json;
    }
}
