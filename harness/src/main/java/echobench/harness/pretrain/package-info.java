/**
 * Self-supervised pretraining from the harness's side: {@link
 * echobench.harness.pretrain.PretrainSources} turns a config's {@code data.source} into the
 * unlabelled clips of a synthetic cohort ({@link echobench.harness.pretrain.SyntheticClipSource}) or
 * of a dataset's TRAIN split ({@link echobench.harness.pretrain.DatasetClipSource}), and {@link
 * echobench.harness.pretrain.PretrainRunner} runs the models module's JEPA or MAE training on them
 * into a resumable checkpoint folder, for {@code echobench pretrain} and for a study's models
 * declared with {@code pretrain:}.
 */
package echobench.harness.pretrain;
