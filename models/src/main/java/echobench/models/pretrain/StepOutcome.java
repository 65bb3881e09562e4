package echobench.models.pretrain;

/** What one pretraining step did: its loss, the learning rate and EMA momentum it used (NaN for MAE). */
public record StepOutcome(long step, double loss, double lr, double ema) {}
