package io.memtomem.cli.service;

import io.memtomem.cli.common.CommandRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records every command instead of running it and answers with a scripted result (success by default). */
final class FakeCommands implements CommandRunner {
    private final List<List<String>> ran = new ArrayList<>();
    private Function<List<String>, Result> answer = command -> new Result(0, "");

    FakeCommands answering(Function<List<String>, Result> replies) {
        this.answer = replies;
        return this;
    }

    @Override
    public synchronized Result run(List<String> command) {
        ran.add(List.copyOf(command));
        return answer.apply(command);
    }

    synchronized List<List<String>> ran() {
        return List.copyOf(ran);
    }

    synchronized void clear() {
        ran.clear();
    }
}
