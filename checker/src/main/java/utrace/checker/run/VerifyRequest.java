package utrace.checker.run;

import java.nio.file.Path;
import java.util.List;

import utrace.checker.explore.Limits;
import utrace.invariants.InvariantSet;
import utrace.model.ModelConfig;
import utrace.model.Scenario;

/** What `checker verify` was asked to do, after the CLI resolved names and files. */
public record VerifyRequest(List<Scenario> scenarios, InvariantSet invariants, ModelConfig config, Limits limits,
                            Path traceDir) {
}
