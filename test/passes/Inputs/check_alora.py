"""Checks a photonic-lowrank-adapt run: the frozen phases of the adapted
runtime program equal those of the trained one bit for bit, an adapter
follows every dense layer, and (given the pass's JSON report) the adapters
improved the noisy accuracy.

usage: check_alora.py TRAINED.json ADAPTED.json [REPORT.json]
"""
import json
import sys

trained = json.load(open(sys.argv[1]))
adapted = json.load(open(sys.argv[2]))
analog = [l for l in adapted["layers"] if l["op"] != "adapter"]
adapters = [l for l in adapted["layers"] if l["op"] == "adapter"]
assert len(analog) == len(trained["layers"]), "layer count changed"
for a, b in zip(analog, trained["layers"]):
    assert a == b, "a frozen layer changed: %s" % a["op"]
dense = {l["layer"] for l in trained["layers"] if "layer" in l}
assert sorted(l["layer"] for l in adapters) == sorted(dense), "missing adapters"
for l in adapters:
    assert any(v != 0 for v in l["b_re"] + l["b_im"]), "B was not trained"
print("frozen ok: %d adapters, ranks %s" % (len(adapters),
                                           [l["rank"] for l in adapters]))
if len(sys.argv) > 3:
    report = json.load(open(sys.argv[3]))
    before = report["noisy_before"]["mean"]
    after = report["noisy_after"]["mean"]
    assert after > before, "noisy accuracy %g -> %g" % (before, after)
    print("improved: noisy %.4f -> %.4f" % (before, after))
