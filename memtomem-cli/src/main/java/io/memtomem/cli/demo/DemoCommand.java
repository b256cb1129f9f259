package io.memtomem.cli.demo;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.FileTrees;
import io.memtomem.cli.common.Palette;
import io.memtomem.cli.common.Text;
import io.memtomem.cli.index.IndexCommand;
import io.memtomem.core.Memtomem;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mm demo}: the whole loop on real files in a throw-away store — copy the bundled ops notes, index them,
 * search three times — then delete everything. The real ~/.memtomem and MEMTOMEM_* variables are never used.
 */
@Command(name = "demo", description = {
        "Index and search bundled sample notes in a throw-away store.",
        "Copies six ops notes into a temporary store, indexes them, runs three searches and deletes the store. "
                + "Never touches ~/.memtomem."})
public final class DemoCommand implements Callable<Integer> {
    static final List<String> QUERIES = List.of("roll back a bad deploy", "certificate renewal failed",
            "redis evicted session keys");
    private static final int HITS_PER_QUERY = 3;

    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path workDir = Files.createTempDirectory("mm-demo-");
        try {
            run(workDir);
        } finally {
            FileTrees.deleteRecursively(workDir);
        }
        context.out().println();
        context.out().println("Deleted the demo store " + workDir + ". Your ~/.memtomem was not touched.");
        context.out().println("Next: bin/mm init --non-interactive, then bin/mm add and bin/mm search (see README).");
        return ExitCode.OK.code();
    }

    private void run(Path workDir) throws IOException {
        PrintWriter out = context.out();
        Palette palette = context.palette();
        // an empty variable map: a MEMTOMEM_STORAGE__SQLITE_PATH in the caller's shell must not redirect the demo
        MemtomemConfig config = MemtomemConfig.load(new Environment(workDir, Map.of(), workDir));
        Path notes = config.indexing().memoryDirs().get(0).resolve("ops-notes");
        SampleNotes.copyTo(notes);
        out.println(palette.bold("memtomem demo") + " — a throw-away store in " + workDir);
        out.println("Copied " + SampleNotes.FILES.size() + " sample ops notes to " + notes);
        try (Memtomem memtomem = Memtomem.open(config)) {
            IndexResult indexed = memtomem.index(new IndexRequest(notes, true, false, null), null);
            out.println(IndexCommand.summary(indexed));
            for (String query : QUERIES) {
                out.println();
                out.println(palette.bold("Search: \"" + query + "\""));
                List<SearchHit> hits = memtomem.search(SearchRequest.of(query).withTopK(HITS_PER_QUERY)).hits();
                hits.forEach(hit -> printHit(out, palette, hit));
                if (hits.isEmpty()) {
                    out.println("  (no results)");
                }
            }
        }
    }

    private static void printHit(PrintWriter out, Palette palette, SearchHit hit) {
        String where = hit.source().getFileName() + (hit.hierarchy().isEmpty() ? ""
                : "  " + String.join(" › ", hit.hierarchy()));
        out.printf(Locale.ROOT, "  %d. %s  %s%n", hit.rank(), palette.dim(String.format(Locale.ROOT, "%.4f",
                hit.score())), where);
        out.println("     " + Text.truncate(Text.oneLine(hit.content()), 100));
    }
}
