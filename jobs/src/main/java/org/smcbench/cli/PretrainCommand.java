package org.smcbench.cli;

import org.smcbench.config.CodeVersion;
import org.smcbench.config.Settings;
import org.smcbench.pretrain.PretrainJob;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Command;

@Command(name = "pretrain", mixinStandardHelpOptions = true,
    description = "Pre-training of every sweep model the pipeline pre-trains itself (checkpoint-format mlm-pretrain:"
        + " masked-LM on its train sequences; denoise-pretrain: mBART denoising on the monolingual sides of its"
        + " train text), after ingest; checkpoints go under the warehouse and smc.pretrained_checkpoints."
        + " A model already pre-trained with the same settings is skipped.")
final class PretrainCommand extends BaseCommand {
  @Override
  void validate(Settings settings) {
    SweepPlanner.expand(settings);
  }

  @Override
  int run(Settings settings, Warehouse warehouse) {
    PretrainJob.run(settings, warehouse, out, CodeVersion.get());
    return OK;
  }
}
