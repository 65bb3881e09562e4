#!/usr/bin/env python3
"""Checks both export scripts end to end on stand-ins (no real weights, no downloads):

1. EchoJEPA path: the weights of the project's zoo encoder models/zoo/jepa-echo-tiny are packed
   into a checkpoint shaped like V-JEPA 2's (a dict with 'encoder' and 'target_encoder' state dicts
   under 'module.backbone.', a 'predictor' state dict under 'module.', optimiser state, an epoch),
   saved with torch.save and converted; the written safetensors must hold exactly the encoder
   tensors, bit for bit, and model.json the file's SHA-256 and everything left out.
2. TorchScript path: the EchoPrime- and PanEcho-shaped stand-ins of standins.py are exported; each
   encoder.pt must reload and reproduce the eager output, and model.json must describe it.

Usage:  python3 tools/export/check_exports.py OUT_DIR
It prints the echobench commands that then load the exports (see README.md).
"""
import json
import os
import struct
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import exportlib  # noqa: E402

_NUMPY = {"F32": "<f4", "F16": "<f2"}


def read_safetensors(path):
    """name -> float32 tensor (F32 and F16 files; enough for this check)."""
    import numpy
    with open(path, "rb") as f:
        length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(length))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        array = numpy.frombuffer(data[start:end], dtype=_NUMPY[entry["dtype"]])
        tensors[name] = torch.from_numpy(array.astype("float32").reshape(entry["shape"]))
    return tensors


def run(*args):
    print("$ " + " ".join(args))
    subprocess.run([sys.executable] + list(args), check=True)


def check(condition, message):
    if not condition:
        sys.exit("check_exports: FAILED: " + message)
    print("  ok: " + message)


def echojepa(out):
    zoo = read_safetensors(os.path.join(ROOT, "models", "zoo", "jepa-echo-tiny",
                                        "weights.safetensors"))
    checkpoint = {
        "encoder": {"module.backbone." + k: v + 0.5 for k, v in zoo.items()},
        "target_encoder": {"module.backbone." + k: v.clone() for k, v in zoo.items()},
        "predictor": {"module.predictor_embed.weight": torch.ones(64, 128),
                      "module.mask_tokens.0": torch.zeros(1, 1, 64)},
        "opt": {"state": {}, "param_groups": [{"lr": 1e-4}]},
        "scaler": None,
        "epoch": 300,
    }
    source = os.path.join(out, "vjepa-shaped.pt")
    torch.save(checkpoint, source)
    target = os.path.join(out, "jepa-echo-tiny-export")
    run(os.path.join(HERE, "echojepa_to_safetensors.py"), source, "--out", target,
        "--frames", "16", "--resolution", "64", "--upstream-commit", "unknown")
    written = read_safetensors(os.path.join(target, "encoder.safetensors"))
    expected = {"target_encoder.backbone." + k: v for k, v in zoo.items()}
    expected.update({"encoder.backbone." + k: v + 0.5 for k, v in zoo.items()})
    check(sorted(written) == sorted(expected), "exactly the %d encoder tensors of both sections "
          "were written, 'module.' removed" % len(expected))
    check(all(torch.equal(written[k], expected[k]) for k in expected), "bit for bit")
    with open(os.path.join(target, "model.json")) as f:
        manifest = json.load(f)
    check(manifest["weights"]["sha256"] == exportlib.sha256(
        os.path.join(target, "encoder.safetensors")), "model.json holds the file's SHA-256")
    check(manifest["output"]["shape"] == [8 * 4 * 4, 128], "output [128, 128] at 16 x 64 px")
    check(manifest["sections"] == ["target_encoder", "encoder"], "sections listed")
    dropped = " | ".join(manifest["dropped"])
    check(all(d in dropped for d in ("predictor: 2 tensors", "opt:", "scaler:", "epoch:")),
          "predictor, optimiser, scaler and epoch listed as not written: " + dropped)
    return target


def torchscript(out, family):
    sys.path.insert(0, HERE)
    import standins
    target = os.path.join(out, family + "-standin")
    run(os.path.join(HERE, "torchscript_export.py"), "--family", family, "--builder",
        os.path.join(HERE, "standins.py") + ":" + family, "--out", target,
        "--upstream-commit", "unknown", "--checkpoint", "none (stand-in)")
    loaded = torch.jit.load(os.path.join(target, "encoder.pt"))
    eager = getattr(standins, family)()
    x = torch.randn(2, 3, 16, 224, 224, generator=torch.Generator().manual_seed(5))
    with torch.no_grad():
        difference = (loaded(x) - eager(x)).abs().max().item()
    check(difference <= 1e-5, "%s: the saved TorchScript reproduces the eager module (max |diff| "
          "%.2g)" % (family, difference))
    with open(os.path.join(target, "model.json")) as f:
        manifest = json.load(f)
    check(manifest["weights"]["sha256"] == exportlib.sha256(os.path.join(target, "encoder.pt")),
          "%s: model.json holds the file's SHA-256" % family)
    check(manifest["output"]["shape"] == [512 if family == "echoprime" else 768],
          "%s: pooled output recorded" % family)
    return target


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    jepa = echojepa(out)
    echoprime = torchscript(out, "echoprime")
    panecho = torchscript(out, "panecho")
    print("\nall checks passed; load the exports with EchoBench (VIDEO: any echo video):")
    print("  ./echobench features '{safetensors: {file: %s/encoder.safetensors, encoder: mini}}' "
          "VIDEO --frames 16 --resolution 64 --out jepa-export.npy" % jepa)
    print("  ./echobench features '{checkpoint: zoo:jepa-echo-tiny}' VIDEO --frames 16 "
          "--resolution 64 --out jepa-zoo.npy      # must equal jepa-export.npy")
    print("  ./echobench features '{torchscript: {file: %s/encoder.pt, normalization: echoprime, "
          "frames: 16, resolution: 224}}' VIDEO --out echoprime.npy" % echoprime)
    print("  ./echobench features '{torchscript: {file: %s/encoder.pt, normalization: panecho, "
          "frames: 16, resolution: 224}}' VIDEO --out panecho.npy" % panecho)


if __name__ == "__main__":
    main()
