package echobench.models.pretrain;

/** Tiny pretraining configs for tests: micro ViT, 8 frames of 32 pixels, 4×4×4 tokens. */
final class PretrainTestConfigs {
  private PretrainTestConfigs() {}

  static PretrainConfig micro(String objective, int steps, int checkpointEvery) {
    return new PretrainConfig(
        objective, "micro", 2, 8, 8, 32, new PredictorSpec(32, 1, 2), MaskSpec.VJEPA, 0.75, 8,
        steps, steps / 10, 0.0, 2e-3, 1e-4, 0.05, 1.0, 0.99, 0.999,
        RandomResizedCrop.ECHOJEPA, checkpointEvery, 11, null);
  }
}
