#!/usr/bin/env python3
"""Exports a video encoder (EchoPrime, PanEcho, or any other) to TorchScript plus the model.json
manifest EchoBench reads.

You supply the model: a Python file with a function that builds the encoder with its weights
loaded, in eval mode, taking [B, 3, frames, resolution, resolution] normalised as the family
declares and returning [B, D] (pooled) or [B, N, D] (tokens). This script never downloads
anything; it traces the module on a fixed random input of that contract and then checks, before
writing anything, that the traced module

  * gives the eager module's output on another input (no data-dependent branch was frozen),
  * works at another batch size (no batch size was baked into a reshape),
  * gives a clip the same output alone and among other clips (no batch-dependent normalisation).

Families (input contract; override any value with the options):
  echoprime  16 frames, 224 px, values 0..255, mean/std 29.110628, 28.076836, 29.096405 /
             47.989223, 46.456997, 47.20083 (echonet/EchoPrime); output [512]
  panecho    16 frames, 224 px, values 0..1, ImageNet mean/std (CarDS-Yale/PanEcho); output [768]
  custom     give --frames, --resolution, --value-range, --mean and --std

Example:
  python3 tools/export/torchscript_export.py --family echoprime \\
      --builder my_echoprime.py:build_encoder --out weights/echoprime \\
      --upstream-commit <commit of echonet/EchoPrime you built it from> \\
      --checkpoint echo_prime_encoder.pt
writes weights/echoprime/encoder.pt and weights/echoprime/model.json; the study config then says
  torchscript: {file: ../weights/echoprime/encoder.pt, normalization: echoprime, frames: 16,
                resolution: 224}
Export with the PyTorch version closest to the libtorch EchoBench runs (TorchScript files are not
guaranteed to load in an older libtorch than the one that wrote them).
"""
import argparse
import importlib.util
import os
import sys

import torch

import exportlib

WEIGHTS = "encoder.pt"
TOOL = "tools/export/torchscript_export.py"
FAMILIES = {
    "echoprime": dict(frames=16, resolution=224, value_range=[0, 255],
                      mean=[29.110628, 28.076836, 29.096405],
                      std=[47.989223, 46.456997, 47.20083], dim=512,
                      repository="https://github.com/echonet/EchoPrime"),
    "panecho": dict(frames=16, resolution=224, value_range=[0, 1], mean=exportlib.IMAGENET_MEAN,
                    std=exportlib.IMAGENET_STD, dim=768,
                    repository="https://github.com/CarDS-Yale/PanEcho"),
    "custom": dict(frames=None, resolution=None, value_range=None, mean=None, std=None, dim=None,
                   repository=None),
}
TOLERANCE = 1e-4


def fail(message):
    sys.exit("torchscript_export: " + message)


def builder(spec):
    """The function named by 'path/to/file.py:function'."""
    path, _, name = spec.rpartition(":")
    if not path or not name:
        fail("--builder must be FILE.py:FUNCTION, not %s" % spec)
    if not os.path.isfile(path):
        fail("%s: no such file" % path)
    module_spec = importlib.util.spec_from_file_location("echobench_export_builder", path)
    module = importlib.util.module_from_spec(module_spec)
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    module_spec.loader.exec_module(module)
    if not hasattr(module, name):
        fail("%s has no function %s" % (path, name))
    return getattr(module, name)


def contract_input(generator, batch, frames, resolution, value_range, mean, std):
    """A batch of random pixels in value_range, normalised as declared: what EchoBench feeds."""
    low, high = value_range
    pixels = low + (high - low) * torch.rand(batch, 3, frames, resolution, resolution,
                                             generator=generator)
    mean = torch.tensor(mean).view(1, 3, 1, 1, 1)
    std = torch.tensor(std).view(1, 3, 1, 1, 1)
    return (pixels - mean) / std


def largest_difference(a, b):
    return (a - b).abs().max().item()


def check_traced(module, traced, inputs):
    """Fails unless the traced module agrees with the eager one, at two batch sizes, batch-free."""
    with torch.no_grad():
        for name, x in inputs.items():
            difference = largest_difference(traced(x), module(x))
            if difference > TOLERANCE:
                fail("the traced module differs from the eager one on the %s input by %.3g: the "
                     "model has data-dependent control flow; export it with torch.jit.script"
                     % (name, difference))
        x = inputs["second"]
        alone = traced(x[:1])
        among = traced(x)[:1]
        difference = largest_difference(alone, among)
        if difference > TOLERANCE:
            fail("a clip's output changes by %.3g with its batch-mates: the model normalises by "
                 "batch content, which EchoBench does not accept" % difference)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", required=True, choices=sorted(FAMILIES))
    parser.add_argument("--builder", required=True,
                        help="FILE.py:FUNCTION returning the encoder with its weights, in eval mode")
    parser.add_argument("--out", required=True, help="folder for encoder.pt and model.json")
    parser.add_argument("--frames", type=int)
    parser.add_argument("--resolution", type=int)
    parser.add_argument("--value-range", type=float, nargs=2, metavar=("LOW", "HIGH"))
    parser.add_argument("--mean", type=float, nargs=3)
    parser.add_argument("--std", type=float, nargs=3)
    parser.add_argument("--upstream-repository", help="the model's code (default: the family's)")
    parser.add_argument("--upstream-commit", required=True,
                        help="the commit of that code the model was built with ('unknown' if so)")
    parser.add_argument("--checkpoint", default="unknown",
                        help="the weights file the builder loads, for the record")
    args = parser.parse_args(argv)

    family = FAMILIES[args.family]
    contract = {}
    for key in ("frames", "resolution", "value_range", "mean", "std"):
        value = getattr(args, key)
        contract[key] = value if value is not None else family[key]
        if contract[key] is None:
            fail("--family custom needs --%s" % key.replace("_", "-"))
    if contract["value_range"][0] != 0:
        fail("EchoBench feeds pixels from 0: the value range must start at 0")
    repository = args.upstream_repository or family["repository"] or "unknown"

    module = builder(args.builder)()
    if not isinstance(module, torch.nn.Module):
        fail("the builder returned a %s, not a torch.nn.Module" % type(module).__name__)
    module = module.eval()
    generator = torch.Generator().manual_seed(0)
    shape = (contract["frames"], contract["resolution"], contract["value_range"],
             contract["mean"], contract["std"])
    example = contract_input(generator, 2, *shape)
    second = contract_input(generator, 3, *shape)
    with torch.no_grad():
        traced = torch.jit.trace(module, example)
        output = traced(example)
    if output.dim() not in (2, 3):
        fail("the module returns %s; EchoBench takes [B, D] or [B, N, D]" % list(output.shape))
    check_traced(module, traced, {"tracing": example, "second": second})
    per_clip = list(output.shape[1:])
    if family["dim"] is not None and per_clip[-1] != family["dim"]:
        fail("%s encoders give %d-d features, this module %s" % (args.family, family["dim"], per_clip))

    os.makedirs(args.out, exist_ok=True)
    weights = os.path.join(args.out, WEIGHTS)
    temporary = weights + ".part"
    traced.save(temporary)
    os.replace(temporary, weights)
    entry = exportlib.manifest(
        args.family, weights, "torchscript", contract["frames"], contract["resolution"],
        contract["value_range"], contract["mean"], contract["std"], per_clip, repository,
        args.upstream_commit, args.checkpoint, TOOL)
    manifest = exportlib.write_manifest(args.out, entry)
    print("wrote %s and %s: [B, 3, %d, %d, %d] -> [B, %s]"
          % (weights, manifest, contract["frames"], contract["resolution"], contract["resolution"],
             ", ".join(str(d) for d in per_clip)))


if __name__ == "__main__":
    main()
