#!/usr/bin/env python3
"""Writes EchoBench's golden import fixtures by running the upstream V-JEPA 2 code unchanged.

For each tiny configuration the script builds upstream's VisionTransformer (and, for one fixture,
upstream's AttentiveClassifier), seeds non-trivial weights, runs a fixed input clip through it and
writes, into OUT/<name>/:

  weights.safetensors  the state dict under ``target_encoder.module.backbone.`` (as a V-JEPA
                       pretraining checkpoint flattened by the EchoJEPA conversion snippet), plus a
                       few ``predictor.`` tensors that an importer must list as ignored
  io.safetensors       ``input`` [B, 3, T, H, W], upstream's ``tokens`` [B, N, D], and where present
                       ``masked_tokens`` [B, K, D] (kept token ids in fixture.json) and ``probe``
                       [B, classes]
  probe.safetensors    the attentive classifier's state dict (``pooler.*``, ``linear.*``), if any
  fixture.json         the configuration, the seed and the upstream commit

One more fixture, ``micro-video``, checks ``echobench features`` end to end: an 8-bit RGB clip
(``frames`` [T, H, W, 3], levels 0..255 stored as float32) that the Java test writes as a lossless
FFV1 video, and upstream's tokens of exactly the tensor EchoBench's study sampling cuts from it
(see ``make_video_fixture``), for an encoder of EchoBench's named size ``micro``.

Only ``timm`` and ``einops`` are stood in for: upstream imports ``timm``'s ``drop_path`` (used
only at a drop-path rate above 0) and ``einops.rearrange`` (used only by the image patch embedding).
The stand-ins raise if they are ever called. The model's math is upstream's.

Usage:
  python3 make_golden.py --vjepa2 PATH/TO/vjepa2 --out models/src/test/resources/golden
"""

import argparse
import json
import os
import struct
import subprocess
import sys
import types

import numpy as np
import torch

SEED = 20260101


def stand_in_imports():
    """Registers stand-ins for the two third-party imports the forward pass never reaches."""

    def never(name):
        def fail(*args, **kwargs):
            raise RuntimeError(name + " is a stand-in: the golden configs must not reach it")

        return fail

    timm = types.ModuleType("timm")
    timm_models = types.ModuleType("timm.models")
    timm_layers = types.ModuleType("timm.models.layers")
    timm_layers.drop_path = never("timm.models.layers.drop_path")
    timm.models = timm_models
    timm_models.layers = timm_layers
    einops = types.ModuleType("einops")
    einops.rearrange = never("einops.rearrange")
    for name, module in [
        ("timm", timm),
        ("timm.models", timm_models),
        ("timm.models.layers", timm_layers),
        ("einops", einops),
    ]:
        sys.modules.setdefault(name, module)


def upstream_commit(path, override):
    if override:
        return override
    try:
        return subprocess.check_output(["git", "-C", path, "rev-parse", "HEAD"], text=True).strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit(path + ": not a git checkout; pass --commit with the upstream commit it holds")


def write_safetensors(path, tensors, metadata=None):
    """Writes float32 tensors in the safetensors layout (header length, JSON header, raw data)."""
    header = {}
    blobs = []
    offset = 0
    for name, array in tensors.items():
        data = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {
            "dtype": "F32",
            "shape": list(array.shape),
            "data_offsets": [offset, offset + len(data)],
        }
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def seed_weights(module, generator):
    """Replaces upstream's initialisation (unit LayerNorms, zero biases would hide mismatches) with
    seeded values: matrices and kernels ~ N(0, 1/fan_in), biases ~ N(0, 0.1²), LayerNorm weights ~
    1 + N(0, 0.2²), query tokens ~ N(0, 1). The sincos ``pos_embed`` buffer keeps upstream's table."""
    with torch.no_grad():
        for m in module.modules():
            if isinstance(m, torch.nn.LayerNorm):
                m.weight.copy_(1.0 + 0.2 * torch.randn(m.weight.shape, generator=generator))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=generator))
            elif isinstance(m, (torch.nn.Linear, torch.nn.Conv3d)):
                fan_in = m.weight[0].numel()
                m.weight.copy_(torch.randn(m.weight.shape, generator=generator) / fan_in**0.5)
                if m.bias is not None:
                    m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=generator))
        for name, p in module.named_parameters():
            if name.endswith("query_tokens"):
                p.copy_(torch.randn(p.shape, generator=generator))


def numpy_state(module, prefix):
    return {prefix + k: v.detach().cpu().numpy() for k, v in module.state_dict().items()}


def no_sdpa(module):
    """Upstream's pooler blocks default to use_sdpa=True, which needs torch >= 2.0; their other
    branch is upstream's explicit softmax(q·kᵀ·scale)·v, the same math."""
    for m in module.modules():
        if hasattr(m, "use_sdpa"):
            m.use_sdpa = False


FIXTURES = [
    # name, encoder kwargs, input (batch, frames, height, width), keep tokens, probe
    ("rope-square", dict(img_size=16, num_frames=4, embed_dim=24, num_heads=2, use_rope=True), (2, 4, 16, 16), 10, True),
    ("rope-nonsquare", dict(img_size=(12, 20), num_frames=6, embed_dim=24, num_heads=2, use_rope=True), (2, 6, 12, 20), 0, False),
    ("sincos", dict(img_size=16, num_frames=4, embed_dim=24, num_heads=2, use_rope=False), (2, 4, 16, 16), 10, False),
    ("sincos-fewer-frames", dict(img_size=16, num_frames=6, embed_dim=24, num_heads=2, use_rope=False), (2, 4, 16, 16), 0, False),
    ("sincos-resized", dict(img_size=16, num_frames=4, embed_dim=24, num_heads=2, use_rope=False), (1, 8, 24, 24), 0, False),
    ("rope-head2", dict(img_size=12, num_frames=4, embed_dim=8, num_heads=4, use_rope=True), (2, 4, 12, 12), 0, False),
    ("rope-head4", dict(img_size=12, num_frames=4, embed_dim=16, num_heads=4, use_rope=True), (2, 4, 12, 12), 0, False),
]
COMMON = dict(patch_size=4, tubelet_size=2, depth=2, mlp_ratio=4.0, use_sdpa=False)
PROBE = dict(depth=2, num_heads=2, num_classes=3)


def make(name, kwargs, shape, keep, with_probe, out_dir, commit, vit, pooler):
    index = [f[0] for f in FIXTURES].index(name)
    generator = torch.Generator().manual_seed(SEED + index)
    torch.manual_seed(SEED + index)
    model = vit.VisionTransformer(norm_layer=vit_norm_layer(), **COMMON, **kwargs)
    seed_weights(model, generator)
    model.eval()
    batch, frames, height, width = shape
    clip = torch.randn((batch, 3, frames, height, width), generator=generator)
    outputs = {"input": clip.numpy()}
    description = {
        "upstream": "facebookresearch/vjepa2",
        "upstream_commit": commit,
        "torch": torch.__version__,
        "seed": SEED + index,
        "encoder": {k: v for k, v in {**COMMON, **kwargs}.items()},
        "layer_norm_eps": 1e-6,
        "section": "target_encoder",
    }
    with torch.no_grad():
        outputs["tokens"] = model(clip).numpy()
        if keep:
            n = outputs["tokens"].shape[1]
            ids = torch.stack([torch.randperm(n, generator=generator)[:keep] for _ in range(batch)])
            outputs["masked_tokens"] = model(clip, masks=[ids]).numpy()
            description["keep"] = ids.tolist()
        if with_probe:
            probe = pooler.AttentiveClassifier(
                embed_dim=kwargs["embed_dim"],
                mlp_ratio=4.0,
                norm_layer=vit_norm_layer(),
                **PROBE,
            )
            no_sdpa(probe)
            seed_weights(probe, generator)
            probe.eval()
            outputs["probe"] = probe(torch.from_numpy(outputs["tokens"])).numpy()
            description["probe"] = PROBE
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    weights = numpy_state(model, "target_encoder.module.backbone.")
    # A pretraining checkpoint also holds the predictor: a few of its tensors, which must be ignored.
    weights["predictor.module.backbone.predictor_embed.weight"] = np.zeros((4, kwargs["embed_dim"]), "f4")
    weights["predictor.module.backbone.mask_tokens.0"] = np.zeros((1, 1, 4), "f4")
    write_safetensors(os.path.join(out_dir, name, "weights.safetensors"), weights)
    write_safetensors(os.path.join(out_dir, name, "io.safetensors"), outputs)
    if with_probe:
        write_safetensors(os.path.join(out_dir, name, "probe.safetensors"), numpy_state(probe, ""))
    with open(os.path.join(out_dir, name, "fixture.json"), "w") as f:
        json.dump(description, f, indent=2, sort_keys=True)
        f.write("\n")
    print(name, "tokens", outputs["tokens"].shape, "weights", len(weights))


# EchoBench's named ViT size "micro" (VitConfig.named): width 64, depth 2, 2 heads, MLP ratio 4,
# tubelet 2, patch 16, rotary positions.
MICRO = dict(embed_dim=64, depth=2, num_heads=2, mlp_ratio=4.0, patch_size=16, tubelet_size=2,
             use_rope=True, use_sdpa=False)
# The video (frames, height, width) and the sampling the Java test passes to `echobench features`.
VIDEO = (11, 37, 40)
SAMPLING = dict(frames=4, frame_step=2, clips=1, resolution=32)
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def study_clip(levels, frames, frame_step, resolution):
    """The tensor [1, 3, frames, resolution, resolution] EchoBench's study sampling (ClipSampler,
    one clip) and ImageNet normalisation (InputSpec.imagenet) make of ``levels`` [T, H, W, 3]:
    the window of ``frames`` frames ``frame_step`` apart centred in the video, each frame's short
    side resized to round(resolution·256/224), a centred square crop, x/255, (x - mean)/std.
    The video is sized so that the resize is the identity; the crop offsets and the window start
    are ClipSampler's integer arithmetic."""
    count, height, width = levels.shape[:3]
    short_side = int(np.floor(resolution * 256 / 224 + 0.5))  # Java's Math.round
    if short_side != min(height, width):
        sys.exit("the video's short side must be %d for an identity resize" % short_side)
    span = (frames - 1) * frame_step + 1
    start = max(0, min(int(np.floor((count - span) / 2)), count - span))
    top = (height - resolution) // 2
    left = (width - resolution) // 2
    picked = levels[start : start + span : frame_step, top : top + resolution, left : left + resolution]
    x = torch.from_numpy(np.ascontiguousarray(picked)).float().div(255.0)  # [T, H, W, C]
    x = (x - torch.tensor(IMAGENET_MEAN)) / torch.tensor(IMAGENET_STD)
    return x.permute(3, 0, 1, 2).unsqueeze(0).contiguous(), start


def make_video_fixture(out_dir, commit, vit):
    """The ``micro-video`` fixture: a seeded 8-bit RGB clip and upstream's tokens of its study clip."""
    name = "micro-video"
    seed = SEED + len(FIXTURES)
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    resolution = SAMPLING["resolution"]
    encoder = dict(img_size=resolution, num_frames=SAMPLING["frames"], **MICRO)
    model = vit.VisionTransformer(norm_layer=vit_norm_layer(), **encoder)
    seed_weights(model, generator)
    model.eval()
    levels = torch.randint(0, 256, VIDEO + (3,), generator=generator, dtype=torch.uint8).numpy()
    clip, start = study_clip(levels, SAMPLING["frames"], SAMPLING["frame_step"], resolution)
    with torch.no_grad():
        tokens = model(clip).numpy()
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    weights = numpy_state(model, "target_encoder.module.backbone.")
    write_safetensors(os.path.join(out_dir, name, "weights.safetensors"), weights)
    outputs = {"frames": levels.astype("f4"), "input": clip.numpy(), "tokens": tokens}
    write_safetensors(os.path.join(out_dir, name, "io.safetensors"), outputs)
    description = {
        "upstream": "facebookresearch/vjepa2",
        "upstream_commit": commit,
        "torch": torch.__version__,
        "seed": seed,
        "encoder": encoder,
        "echobench_encoder": "micro",
        "layer_norm_eps": 1e-6,
        "section": "target_encoder",
        "video": {"frames": VIDEO[0], "height": VIDEO[1], "width": VIDEO[2], "channels": "RGB"},
        "sampling": SAMPLING,
        "window_start": start,
        "mean": IMAGENET_MEAN,
        "std": IMAGENET_STD,
    }
    with open(os.path.join(out_dir, name, "fixture.json"), "w") as f:
        json.dump(description, f, indent=2, sort_keys=True)
        f.write("\n")
    print(name, "tokens", tokens.shape, "weights", len(weights))


def vit_norm_layer():
    from functools import partial

    return partial(torch.nn.LayerNorm, eps=1e-6)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vjepa2", required=True, help="an upstream facebookresearch/vjepa2 checkout")
    parser.add_argument("--out", required=True, help="where the fixture folders go")
    parser.add_argument("--commit", help="the checkout's commit, when it is not a git checkout")
    args = parser.parse_args()
    commit = upstream_commit(args.vjepa2, args.commit)
    stand_in_imports()
    sys.path.insert(0, os.path.abspath(args.vjepa2))
    import src.models.attentive_pooler as pooler
    import src.models.vision_transformer as vit

    torch.set_num_threads(1)
    for name, kwargs, shape, keep, with_probe in FIXTURES:
        make(name, kwargs, shape, keep, with_probe, args.out, commit, vit, pooler)
    make_video_fixture(args.out, commit, vit)


if __name__ == "__main__":
    main()
