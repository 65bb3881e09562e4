/**
 * A small functional layer library on raw DJL arrays with PyTorch state-dict names.
 *
 * <p>Layers extend {@link echobench.models.nn.Module}; their parameters are created by a seeded
 * {@link echobench.models.nn.ParameterFactory} in one long-lived manager, and {@code parameters()}
 * returns them under dotted names ({@code blocks.0.attn.qkv.weight}) that match V-JEPA checkpoints.
 * Training uses DJL's {@code GradientCollector} for autograd, {@link echobench.models.nn.AdamW} for
 * in-place updates (which also zeroes gradients), {@link echobench.models.nn.Gradients} for clipping,
 * {@link echobench.models.nn.LrSchedule} for warm-up plus cosine, and one {@link
 * echobench.models.nn.StepScope} per step so that intermediates never accumulate in the parameter
 * manager. Inference also runs inside a scope; outside a gradient collector no graph is recorded.
 * Inside one, scalar operands come from {@link echobench.models.nn.Scalars}, never from DJL's {@code
 * Number} overloads, whose memory a garbage collection may free before the backward pass reads it.
 */
package echobench.models.nn;
