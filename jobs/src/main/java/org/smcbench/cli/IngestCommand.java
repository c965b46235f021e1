package org.smcbench.cli;

import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read the raw datasets of the sweep into Delta (smc.qa_examples, smc.mwp_examples, smc.protein_examples); malformed records go to smc.quarantine.")
final class IngestCommand extends BaseCommand {
  @Override
  void validate(Settings settings) {
    Checks.dataRootExists(settings);
    SweepPlanner.expand(settings);
  }

  @Override
  int run(Settings settings, Warehouse warehouse) {
    IngestJob.run(settings, warehouse, out);
    return OK;
  }
}
