/**
 * The synthetic echocardiography simulator behind {@code echobench synth}.
 *
 * <p>A {@link echobench.harness.synth.Cohort} draws {@link echobench.harness.synth.Subject}s (body,
 * heart rate, a beating {@link echobench.harness.synth.LeftVentricle} whose method-of-discs volumes
 * are the labels) and {@link echobench.harness.synth.Acquisition}s (view, heart pose, sector,
 * scanner settings). The {@link echobench.harness.synth.EchoSimulator} renders them: per-view
 * anatomy through the cardiac cycle, tissue echogenicity, a complex scatterer field whose speckle
 * partly follows the tissue, a depth-dependent point-spread function, time-gain compensation with
 * residual loss and noise, envelope detection, log compression and scan conversion into a fan. The
 * {@link echobench.harness.synth.CohortWriter} writes cohorts in the EchoNet-Dynamic and
 * EchoNet-Pediatric layouts, read back by {@link echobench.harness.data}.
 */
package echobench.harness.synth;
